using AiRoi.Web.Accounts;

namespace AiRoi.Web.Tests;

public sealed class SignInThrottleTests
{
    /// <summary>A clock the test moves.</summary>
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private readonly Clock clock = new();

    [Fact]
    public void Five_failures_for_a_name_lock_it_for_a_minute_then_longer_with_each_further_failure()
    {
        using var throttle = new SignInThrottle(clock);
        for (var i = 0; i < SignInThrottle.FreeFailuresPerAccount; i++)
        {
            Assert.Null(throttle.LockedFor("Ana", "10.0.0.1"));
            throttle.Failed("ana", $"10.0.0.{i}");
        }
        Assert.Null(throttle.LockedFor("ANA ", "10.0.0.9"));

        throttle.Failed("ana", "10.0.0.9");
        Assert.Equal(TimeSpan.FromMinutes(1), throttle.LockedFor("Ana", "192.168.1.1"));
        clock.Now += TimeSpan.FromSeconds(61);
        Assert.Null(throttle.LockedFor("ana", null));

        throttle.Failed("ana", null);
        Assert.Equal(TimeSpan.FromMinutes(2), throttle.LockedFor("ana", null));
        Assert.Null(throttle.LockedFor("someone-else", null));
    }

    [Fact]
    public void Locks_never_exceed_fifteen_minutes_and_a_success_clears_the_name()
    {
        using var throttle = new SignInThrottle(clock);
        for (var i = 0; i < 30; i++)
        {
            throttle.Failed("ana", null);
        }
        Assert.Equal(SignInThrottle.LongestLock, throttle.LockedFor("ana", null));

        throttle.Succeeded("ana");
        Assert.Null(throttle.LockedFor("ana", null));
    }

    [Fact]
    public void Many_names_tried_from_one_address_lock_the_address()
    {
        using var throttle = new SignInThrottle(clock);
        for (var i = 0; i < SignInThrottle.FreeFailuresPerAddress; i++)
        {
            throttle.Failed($"guess-{i}", "203.0.113.7");
        }
        Assert.Null(throttle.LockedFor("ana", "203.0.113.7"));

        throttle.Failed("guess-x", "203.0.113.7");
        Assert.NotNull(throttle.LockedFor("ana", "203.0.113.7"));
        Assert.Null(throttle.LockedFor("ana", "203.0.113.8"));
    }

    [Fact]
    public void Failures_older_than_the_window_are_forgotten()
    {
        using var throttle = new SignInThrottle(clock);
        for (var i = 0; i < SignInThrottle.FreeFailuresPerAccount; i++)
        {
            throttle.Failed("ana", null);
        }
        clock.Now += SignInThrottle.Window + TimeSpan.FromSeconds(1);

        throttle.Failed("ana", null);

        Assert.Null(throttle.LockedFor("ana", null));
    }

    [Fact]
    public async Task Password_checks_beyond_the_hashing_slots_wait_and_are_refused_when_none_frees()
    {
        using var throttle = new SignInThrottle(clock);
        var release = new TaskCompletionSource<bool>();
        var busy = Enumerable.Range(0, SignInThrottle.ConcurrentVerifications)
            .Select(_ => throttle.HashAsync(() => release.Task, TimeSpan.FromSeconds(5), default))
            .ToList();

        var refused = await throttle.HashAsync(() => Task.FromResult(true), TimeSpan.FromMilliseconds(50), default);
        release.SetResult(true);
        await Task.WhenAll(busy);
        var served = await throttle.HashAsync(() => Task.FromResult(true), TimeSpan.FromMilliseconds(50), default);

        Assert.False(refused.Ran);
        Assert.True(served is { Ran: true, Result: true });
    }
}
