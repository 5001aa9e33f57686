using System.Security.Cryptography;
using System.Text;
using AiRoi.Ingestion.ApiKeys;

namespace AiRoi.Ingestion.Tests;

public sealed class ApiKeySecretTests
{
    [Fact]
    public void The_development_key_counts_only_in_Development()
    {
        Assert.True(ApiKeySecret.IsAcceptedDevelopmentKey("airoi-dev-key", isDevelopment: true));
        Assert.False(ApiKeySecret.IsAcceptedDevelopmentKey("airoi-dev-key", isDevelopment: false));
        Assert.False(ApiKeySecret.IsAcceptedDevelopmentKey("AIROI-DEV-KEY", isDevelopment: true));
    }

    [Fact]
    public void Generated_keys_are_long_random_and_url_safe()
    {
        var keys = Enumerable.Range(0, 100).Select(_ => ApiKeySecret.Generate()).ToList();

        Assert.Equal(100, keys.Distinct().Count());
        Assert.All(keys, key =>
        {
            Assert.StartsWith("airoi_", key);
            Assert.Equal("airoi_".Length + 43, key.Length);
            Assert.Matches("^airoi_[A-Za-z0-9_-]+$", key);
        });
    }

    [Fact]
    public void A_key_is_stored_as_its_SHA_256_hash()
    {
        const string key = "airoi_example";
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(key)), ApiKeySecret.Hash(key));
        Assert.NotEqual(ApiKeySecret.Hash(key), ApiKeySecret.Hash(key + "x"));
    }
}
