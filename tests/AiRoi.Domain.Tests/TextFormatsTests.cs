using FsCheck.Xunit;

namespace AiRoi.Domain.Tests;

public class TextFormatsTests
{
    [Theory]
    [InlineData("support-bot", true)]
    [InlineData("a", true)]
    [InlineData("2026-pilot", true)]
    [InlineData("bot-2", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("-bot", false)]
    [InlineData("bot-", false)]
    [InlineData("support--bot", false)]
    [InlineData("Support-bot", false)]
    [InlineData("support_bot", false)]
    [InlineData("support bot", false)]
    [InlineData("supp\u00f6rt", false)]
    public void Slugs_are_lowercase_groups_joined_by_single_hyphens(string? value, bool expected)
    {
        Assert.Equal(expected, TextFormats.IsSlug(value));
    }

    [Theory]
    [InlineData("Support chatbot", "support-chatbot")]
    [InlineData("  Support Bot — EMEA (v2) ", "support-bot-emea-v2")]
    [InlineData("Résumé screener", "resume-screener")]
    [InlineData("SDR e-mail writer", "sdr-e-mail-writer")]
    [InlineData("---", "")]
    [InlineData("日本語", "")]
    [InlineData(null, "")]
    public void A_slug_made_from_a_name_keeps_its_letters_and_digits_joined_by_single_hyphens(string? name, string expected)
    {
        Assert.Equal(expected, TextFormats.SlugFrom(name));
    }

    [Property(MaxTest = 500)]
    public bool A_slug_made_from_any_name_is_a_slug_or_empty(string? name)
    {
        var slug = TextFormats.SlugFrom(name);
        return slug.Length == 0 || TextFormats.IsSlug(slug);
    }

    [Fact]
    public void Slugs_are_at_most_64_long()
    {
        Assert.True(TextFormats.IsSlug(new string('a', 64)));
        Assert.False(TextFormats.IsSlug(new string('a', 65)));
    }

    [Theory]
    [InlineData("handleScore", true)]
    [InlineData("region_code", true)]
    [InlineData("m2", true)]
    [InlineData("A", true)]
    [InlineData("_region", false)]
    [InlineData("2fast", false)]
    [InlineData("geo.region", false)]
    [InlineData("deal-velocity", false)]
    [InlineData("deal velocity", false)]
    [InlineData("caf\u00e9", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Identifiers_start_with_a_letter_and_hold_letters_digits_and_underscores(string? value, bool expected)
    {
        Assert.Equal(expected, TextFormats.IsIdentifier(value));
    }

    [Fact]
    public void Identifiers_are_at_most_64_long()
    {
        Assert.True(TextFormats.IsIdentifier(new string('a', 64)));
        Assert.False(TextFormats.IsIdentifier(new string('a', 65)));
    }

    [Theory]
    [InlineData("ticket 42 / EU", true)]
    [InlineData("Zoë \U0001F600", true)]
    [InlineData("", true)]
    [InlineData("a\tb", false)]
    [InlineData("a\nb", false)]
    [InlineData("a\0b", false)]
    [InlineData("a\u007fb", false)]
    public void Printable_text_has_no_control_characters_or_lone_surrogates(string value, bool expected)
    {
        Assert.Equal(expected, TextFormats.IsPrintable(value));
    }

    [Fact]
    public void Lone_surrogates_are_not_printable()
    {
        // In code, not InlineData: attribute strings are stored as UTF-8, which turns a lone surrogate into U+FFFD.
        Assert.False(TextFormats.IsPrintable("\uD83D"));
        Assert.False(TextFormats.IsPrintable("a\uD83Db"));
        Assert.False(TextFormats.IsPrintable("\uDE00x"));
        Assert.True(TextFormats.IsPrintable("\uD83D\uDE00"));
    }

    [Theory]
    [InlineData("ana@example.com", true)]
    [InlineData("ana.lopez+ai@mail.example.co.uk", true)]
    [InlineData("ana@example", false)]
    [InlineData("ana.example.com", false)]
    [InlineData("@example.com", false)]
    [InlineData("ana@@example.com", false)]
    [InlineData("ana@b@example.com", false)]
    [InlineData("ana lopez@example.com", false)]
    [InlineData("ana@example..com", false)]
    [InlineData("ana@.example.com", false)]
    [InlineData("ana@example.com.", false)]
    [InlineData("ana@-example.com", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Emails_have_one_at_sign_and_a_dotted_domain(string? value, bool expected)
    {
        Assert.Equal(expected, TextFormats.IsEmail(value));
    }

    [Fact]
    public void Email_local_part_is_at_most_64_and_the_whole_address_at_most_254()
    {
        Assert.True(TextFormats.IsEmail(new string('a', 64) + "@example.com"));
        Assert.False(TextFormats.IsEmail(new string('a', 65) + "@example.com"));
        Assert.True(TextFormats.IsEmail("a@" + new string('d', 248) + ".com"));
        Assert.False(TextFormats.IsEmail("a@" + new string('d', 249) + ".com"));
    }
}
