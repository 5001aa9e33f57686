using System.Text.Json;
using AiRoi.Domain.UseCases;

namespace AiRoi.Domain.Tests;

/// <summary>The one JSON policy in its three directions, and the one spelling of enums on the wire.</summary>
public class WireJsonTests
{
    private sealed record Figure(string Name, double? Value, UseCaseCategory Category);

    [Fact]
    public void Answers_write_a_missing_figure_as_null_while_requests_and_clients_leave_it_out()
    {
        var figure = new Figure("fcr", null, UseCaseCategory.CustomerService);

        Assert.Equal("""{"name":"fcr","value":null,"category":"customer-service"}""", JsonSerializer.Serialize(figure, WireJson.Answers));
        Assert.Equal("""{"name":"fcr","category":"customer-service"}""", JsonSerializer.Serialize(figure, WireJson.Options));
        Assert.Equal("""{"name":"fcr","category":"customer-service"}""", JsonSerializer.Serialize(figure, WireJson.Client));
    }

    [Fact]
    public void Requests_refuse_unknown_fields_integer_enums_and_numbers_in_strings_while_a_client_tolerates_new_fields()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Figure>("""{"name":"a","category":"sales","valu":1}""", WireJson.Options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Figure>("""{"name":"a","category":1}""", WireJson.Options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Figure>("""{"name":"a","category":"sales","value":"1"}""", WireJson.Options));

        var read = JsonSerializer.Deserialize<Figure>("""{"name":"a","category":"sales","value":1,"addedLater":true}""", WireJson.Client);

        Assert.Equal(new Figure("a", 1, UseCaseCategory.Sales), read);
    }

    [Fact]
    public void An_enum_has_one_wire_name_both_ways()
    {
        Assert.Equal("customer-service", WireJson.Name(UseCaseCategory.CustomerService));
        Assert.Equal(UseCaseCategory.CustomerService, WireJson.Parse<UseCaseCategory>("customer-service"));
        Assert.Null(WireJson.Parse<UseCaseCategory>("CustomerService"));
    }
}
