using AiRoi.Domain;

namespace AiRoi.Contracts.UseCases;

/// <summary>
/// A use-case grain's answer to a call about its use case: the result, or why there is none. The grain is the
/// authority on its use case, so "no such use case" and "these arguments do not fit it" (a metric it does not
/// have) are answers, never exceptions; an API maps them to problem details.
/// </summary>
/// <typeparam name="T">The result.</typeparam>
[GenerateSerializer, Immutable]
[Alias("AiRoi.Contracts.UseCases.UseCaseAnswer`1")]
public sealed class UseCaseAnswer<T>
{
    /// <summary>The use case's status: <see cref="UseCaseWriteStatus.Unknown"/> when it is not registered.</summary>
    [Id(0)]
    public UseCaseWriteStatus Status { get; init; }

    /// <summary>The result; absent when the use case is unknown or the arguments were refused.</summary>
    [Id(1)]
    public T? Result { get; init; }

    /// <summary>Why the arguments were refused, each naming the failing field; empty when answered.</summary>
    [Id(2)]
    public IReadOnlyList<ValidationError> Errors { get; init; } = [];

    /// <summary>Whether the use case is not registered.</summary>
    public bool IsUnknownUseCase => Status == UseCaseWriteStatus.Unknown;

    /// <summary>The result of an answered call.</summary>
    /// <exception cref="InvalidOperationException">The use case is unknown or the arguments were refused.</exception>
    public T Value => !IsUnknownUseCase && Errors.Count == 0
        ? Result!
        : throw new InvalidOperationException(IsUnknownUseCase ? "The use case is not registered." : $"Refused: {Errors[0].Message}");

    /// <summary>The answer of a use case that is not registered.</summary>
    public static UseCaseAnswer<T> UnknownUseCase { get; } = new() { Status = UseCaseWriteStatus.Unknown };

    /// <summary>A result.</summary>
    public static UseCaseAnswer<T> Answered(UseCaseWriteStatus status, T result) => new() { Status = status, Result = result };

    /// <summary>Arguments refused, each error naming its field.</summary>
    public static UseCaseAnswer<T> Refused(UseCaseWriteStatus status, IReadOnlyList<ValidationError> errors) => new() { Status = status, Errors = errors };
}
