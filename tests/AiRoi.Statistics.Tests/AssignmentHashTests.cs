namespace AiRoi.Statistics.Tests;

public class AssignmentHashTests
{
    [Theory]
    [InlineData("", "a", 1, 0.22)]
    [InlineData("", "b", 1, 0.077)]
    [InlineData("b", "a", 1, 0.946)]
    [InlineData("ef", "d", 1, 0.652)]
    [InlineData("asdf", "8952klfjas09ujk", 1, 0.549)]
    [InlineData("", "123", 1, 0.011)]
    [InlineData("seed", "a", 2, 0.0505)]
    [InlineData("seed", "b", 2, 0.2696)]
    [InlineData("foo", "ab", 2, 0.2575)]
    [InlineData("foo", "def", 2, 0.2019)]
    [InlineData("89123klj", "8952klfjas09ujkasdf", 2, 0.124)]
    [InlineData("90850943850283058242805", "123", 2, 0.7516)]
    public void Hash_matches_reference(string seed, string value, int version, double expected)
    {
        OracleAssert.Close(expected, AssignmentHash.Hash(seed, value, version));
    }

    [Fact]
    public void Unknown_version_is_refused()
    {
        var error = Assert.Throws<StatisticsInputException>(() => AssignmentHash.Hash("abc", "def", 99));

        Assert.Equal("version", error.Field);
        Assert.Equal(InputProblem.UnknownHashVersion, error.Reason);
    }

    [Theory]
    [InlineData("", 0x811c9dc5u)]
    [InlineData("a", 0xe40c292cu)]
    [InlineData("foobar", 0xbf9cf968u)]
    public void Fnv1a_matches_the_published_test_vectors(string value, uint expected)
    {
        Assert.Equal(expected, Fnv1a.Hash32(value));
    }
}
