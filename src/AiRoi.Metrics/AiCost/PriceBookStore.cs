using AiRoi.Domain;
using AiRoi.Domain.AiCost;
using AiRoi.ServiceDefaults.Data;
using Npgsql;

namespace AiRoi.Metrics.AiCost;

/// <summary>The price book in <c>metrics.model_prices</c>: entries are only ever added.</summary>
public sealed class PriceBookStore(NpgsqlDataSource dataSource)
{
    private const string Columns = "id, provider, model, usage_type, per_million_tokens, currency, effective_from, above_input_tokens, built_in";

    /// <summary>Every entry, built-in and the organization's.</summary>
    public async Task<PriceBook> ReadAsync(CancellationToken cancellationToken)
    {
        var prices = new List<ModelPrice>();
        await using var command = dataSource.CreateCommand($"select {Columns} from metrics.model_prices order by id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            prices.Add(Read(reader));
        }
        return new PriceBook(prices);
    }

    /// <summary>Adds an entry of the organization's and answers it with its id (its version).</summary>
    public async Task<ModelPrice> AddAsync(ModelPrice price, string author, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            insert into metrics.model_prices (provider, model, usage_type, per_million_tokens, currency, effective_from, above_input_tokens, built_in, created_by)
            values ($1, $2, $3, $4, $5, $6, $7, false, $8)
            returning {Columns}
            """)
            .WithValues(price.Provider, price.Model, WireJson.Name(price.Usage), price.PerMillionTokens, price.Currency,
                price.EffectiveFrom.ToUniversalTime(), (object?)price.AboveInputTokens ?? DBNull.Value, author);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return Read(reader);
    }

    private static ModelPrice Read(NpgsqlDataReader reader) =>
        new(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), WireJson.Parse<UsageType>(reader.GetString(3))!.Value,
            reader.GetDecimal(4), reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6))
        {
            AboveInputTokens = reader.IsDBNull(7) ? null : reader.GetInt64(7),
            BuiltIn = reader.GetBoolean(8),
        };
}
