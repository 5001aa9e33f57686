using Microsoft.Extensions.Caching.Memory;

namespace AiRoi.Web.Accounts;

/// <summary>
/// Slows password guessing. After <see cref="FreeFailuresPerAccount"/> failed sign-ins for one user name within
/// <see cref="Window"/>, the name is locked for a minute, doubling with each further failure up to
/// <see cref="LongestLock"/>; after <see cref="FreeFailuresPerAddress"/> failures from one address, the address is
/// locked the same way. A locked attempt is refused before any password is hashed, and at most
/// <see cref="ConcurrentVerifications"/> passwords are hashed at once, so sign-in attempts cannot use the hashing
/// cost to exhaust the CPU. Counts are kept in memory (per web process), at most <see cref="MaxTracked"/> names and
/// addresses.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock) : IDisposable
{
    /// <summary>Failures for one user name before it is locked.</summary>
    public const int FreeFailuresPerAccount = 5;

    /// <summary>Failures from one address before it is locked (several people may share one).</summary>
    public const int FreeFailuresPerAddress = 20;

    /// <summary>How long failures are remembered.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    /// <summary>The longest lock.</summary>
    public static readonly TimeSpan LongestLock = TimeSpan.FromMinutes(15);

    /// <summary>Names and addresses tracked at most; the oldest are forgotten first.</summary>
    public const int MaxTracked = 100_000;

    /// <summary>Passwords hashed at the same time at most.</summary>
    public static readonly int ConcurrentVerifications = Math.Max(1, Environment.ProcessorCount);

    private readonly MemoryCache failures = new(new MemoryCacheOptions { SizeLimit = MaxTracked, CompactionPercentage = 0.25 });

    private readonly SemaphoreSlim hashing = new(ConcurrentVerifications, ConcurrentVerifications);

    /// <summary>How long sign-in stays locked for this name or address; null when it is not.</summary>
    public TimeSpan? LockedFor(string userName, string? address)
    {
        var now = clock.GetUtcNow();
        var longest = new[] { Remaining(AccountKey(userName), now), Remaining(AddressKey(address), now) }.Max();
        return longest > TimeSpan.Zero ? longest : null;
    }

    /// <summary>Counts a failed sign-in for the name and the address.</summary>
    public void Failed(string userName, string? address)
    {
        Count(AccountKey(userName), FreeFailuresPerAccount);
        Count(AddressKey(address), FreeFailuresPerAddress);
    }

    /// <summary>A successful sign-in clears the name's failures (not the address's).</summary>
    public void Succeeded(string userName) => failures.Remove(AccountKey(userName));

    /// <summary>
    /// Runs a password check when a hashing slot frees within <paramref name="wait"/>; false (without running it) when
    /// the server is busy hashing.
    /// </summary>
    public async Task<(bool Ran, T Result)> HashAsync<T>(Func<Task<T>> verify, TimeSpan wait, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(verify);
        if (!await hashing.WaitAsync(wait, cancellationToken))
        {
            return (false, default!);
        }
        try
        {
            return (true, await verify());
        }
        finally
        {
            hashing.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        failures.Dispose();
        hashing.Dispose();
    }

    private void Count(string? key, int free)
    {
        if (key is null)
        {
            return;
        }
        var now = clock.GetUtcNow();
        var count = (failures.TryGetValue(key, out Tally? tally) && now - tally!.First < Window ? tally.Count : 0) + 1;
        var first = count == 1 ? now : tally!.First;
        // Locked for 1, 2, 4, … minutes from the failure that passes the free ones.
        var lockedUntil = count > free
            ? now + TimeSpan.FromMinutes(Math.Min(LongestLock.TotalMinutes, Math.Pow(2, Math.Min(count - free - 1, 10))))
            : (DateTimeOffset?)null;
        failures.Set(key, new Tally(count, first, lockedUntil), new MemoryCacheEntryOptions
        {
            Size = 1,
            AbsoluteExpirationRelativeToNow = Window + LongestLock,
        });
    }

    private TimeSpan Remaining(string? key, DateTimeOffset now) =>
        key is not null && failures.TryGetValue(key, out Tally? tally) && tally!.LockedUntil is { } until && until > now ? until - now : TimeSpan.Zero;

    private static string AccountKey(string userName) => "account:" + userName.Trim().ToLowerInvariant();

    private static string? AddressKey(string? address) => string.IsNullOrEmpty(address) ? null : "address:" + address;

    private sealed record Tally(int Count, DateTimeOffset First, DateTimeOffset? LockedUntil);
}
