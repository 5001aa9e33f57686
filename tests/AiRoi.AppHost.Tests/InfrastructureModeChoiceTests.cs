using AiRoi.AppHost.Infrastructure;

namespace AiRoi.AppHost.Tests;

public sealed class InfrastructureModeChoiceTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("auto")]
    [InlineData("AUTO")]
    public void Auto_takes_containers_when_the_engine_is_healthy(string? configured) =>
        Assert.Equal(InfrastructureMode.Containers, InfrastructureModeChoice.Choose(configured, () => true));

    [Theory]
    [InlineData(null)]
    [InlineData("auto")]
    public void Auto_takes_local_processes_when_the_engine_is_not_healthy(string? configured) =>
        Assert.Equal(InfrastructureMode.Local, InfrastructureModeChoice.Choose(configured, () => false));

    [Theory]
    [InlineData("containers")]
    [InlineData("Containers")]
    [InlineData("container")]
    public void Containers_when_asked_even_without_a_healthy_engine(string configured) =>
        Assert.Equal(InfrastructureMode.Containers, InfrastructureModeChoice.Choose(configured, () => false));

    [Theory]
    [InlineData("local")]
    [InlineData(" Local ")]
    public void Local_when_asked_without_asking_the_engine(string configured)
    {
        var asked = false;
        var mode = InfrastructureModeChoice.Choose(configured, () => asked = true);
        Assert.Equal(InfrastructureMode.Local, mode);
        Assert.False(asked);
    }

    [Fact]
    public void Containers_when_asked_without_asking_the_engine()
    {
        var asked = false;
        InfrastructureModeChoice.Choose("containers", () => asked = true);
        Assert.False(asked);
    }

    [Theory]
    [InlineData("docker")]
    [InlineData("kubernetes")]
    public void An_unknown_mode_is_refused_with_the_setting_named(string configured)
    {
        var error = Assert.Throws<InvalidOperationException>(() => InfrastructureModeChoice.Choose(configured, () => true));
        Assert.Contains(InfrastructureModeChoice.SettingKey, error.Message);
        Assert.Contains(configured, error.Message);
    }
}
