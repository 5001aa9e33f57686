using System.Reflection;

namespace AiRoi.Domain.Tests;

/// <summary>Codes are public API: this pins the full list so a rename or removal is a deliberate, visible change.</summary>
public class ValidationCodesTests
{
    [Fact]
    public void The_codes_are_exactly_the_published_list()
    {
        var codes = typeof(ValidationCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => (string)field.GetValue(null)!)
            .Order();

        Assert.Equal(
            [
                "completed-before-started", "duplicate", "in-the-future", "inconsistent", "invalid-format", "negative", "no-data",
                "not-finite", "out-of-range", "required", "reserved", "too-long", "too-many", "unknown-metric", "unknown-value",
            ],
            codes);
    }
}
