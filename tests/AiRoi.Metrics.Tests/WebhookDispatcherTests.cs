using AiRoi.Metrics.Alerts;

namespace AiRoi.Metrics.Tests;

public class WebhookDispatcherTests
{
    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(5, 480)]
    [InlineData(7, 1920)]
    [InlineData(9, 3600)]
    [InlineData(60, 3600)]
    public void Retries_wait_twice_as_long_after_each_failure_up_to_an_hour(int failedAttempt, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), WebhookDispatcher.DelayAfter(failedAttempt, TimeSpan.FromSeconds(30)));
    }
}
