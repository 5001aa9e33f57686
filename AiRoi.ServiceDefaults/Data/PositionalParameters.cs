using Npgsql;
using NpgsqlTypes;

namespace AiRoi.ServiceDefaults.Data;

/// <summary>
/// Adds positional parameters (<c>$1</c>, <c>$2</c>, …) to a command in one call. They carry no name, so the order
/// of the values is their numbering; calls chain and keep appending.
/// </summary>
/// <remarks>
/// A null value becomes <see cref="DBNull.Value"/>: ADO.NET's spelling of SQL NULL is DBNull, not null. A
/// reference-type array (<c>string[]</c>) passed as the only value to <c>WithValues</c> would bind as the
/// <c>params</c> list itself, one parameter per element; cast it to <see cref="object"/> to make it one parameter.
/// </remarks>
public static class PositionalParameters
{
    /// <summary>Appends one positional parameter per value, in order; a null becomes <see cref="DBNull.Value"/>.</summary>
    /// <param name="command">The command whose SQL numbers the parameters.</param>
    /// <param name="values">The values of the next parameters, in the order of their numbers.</param>
    /// <returns>The same command, for chaining.</returns>
    public static NpgsqlCommand WithValues(this NpgsqlCommand command, params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(command);
        Append(command.Parameters, values);
        return command;
    }

    /// <summary>Appends one positional parameter per value, in order; a null becomes <see cref="DBNull.Value"/>.</summary>
    /// <param name="command">The batch command whose SQL numbers the parameters.</param>
    /// <param name="values">The values of the next parameters, in the order of their numbers.</param>
    /// <returns>The same batch command, for chaining.</returns>
    public static NpgsqlBatchCommand WithValues(this NpgsqlBatchCommand command, params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(command);
        Append(command.Parameters, values);
        return command;
    }

    /// <summary>
    /// Appends one positional parameter of an explicit type, for a value whose type Npgsql must not infer from
    /// the CLR value: a null (which has none), a string meant as <c>jsonb</c>, an array of timestamps. A null becomes
    /// <see cref="DBNull.Value"/>.
    /// </summary>
    /// <param name="command">The command whose SQL numbers the parameters.</param>
    /// <param name="value">The value of the next parameter.</param>
    /// <param name="type">Its PostgreSQL type.</param>
    /// <returns>The same command, for chaining.</returns>
    public static NpgsqlCommand WithTyped(this NpgsqlCommand command, object? value, NpgsqlDbType type)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value, NpgsqlDbType = type });
        return command;
    }

    private static void Append(NpgsqlParameterCollection parameters, object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var value in values)
        {
            parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }
    }
}
