using AiRoi.AppHost.Infrastructure;

namespace AiRoi.AppHost.Tests;

public sealed class DataRootTests
{
    [Fact]
    public void A_configured_folder_wins() =>
        Assert.Equal("/srv/airoi", DataRoot.Resolve("/srv/airoi", isRoot: true, xdgDataHome: "/x", home: "/home/ann"));

    [Fact]
    public void Root_keeps_data_where_the_postgres_user_can_reach_it() =>
        Assert.Equal(DataRoot.RootDefault, DataRoot.Resolve(null, isRoot: true, xdgDataHome: null, home: "/root"));

    [Fact]
    public void A_user_keeps_data_under_XDG_DATA_HOME() =>
        Assert.Equal("/home/ann/.data/airoi", DataRoot.Resolve(null, isRoot: false, xdgDataHome: "/home/ann/.data", home: "/home/ann"));

    [Fact]
    public void A_user_without_XDG_DATA_HOME_keeps_data_under_local_share() =>
        Assert.Equal("/home/ann/.local/share/airoi", DataRoot.Resolve("", isRoot: false, xdgDataHome: "", home: "/home/ann"));

    [Fact]
    public void A_relative_folder_is_made_absolute() =>
        Assert.True(Path.IsPathRooted(DataRoot.Resolve("relative/data", isRoot: false, xdgDataHome: null, home: "/home/ann")));
}
