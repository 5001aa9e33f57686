using System.Runtime.Serialization;
using System.Text;
using System.Text.Json.Nodes;
using AiRoi.ServiceDefaults.Messaging;
using MassTransit;
using MassTransit.Serialization;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AiRoi.ServiceDefaults.Tests;

/// <summary>
/// Messages sent as plain JSON, without MassTransit's envelope: they arrive whole, as the message alone; the types a
/// service names are read straight from the body, any other as MassTransit reads plain JSON; a body that is not
/// its type is a serialization error, which sends the message to the error queue rather than to the consumer.
/// </summary>
public sealed class PlainJsonTests
{
    public sealed record Parcel(string Id, IReadOnlyList<Item> Items);

    public sealed record Item(long Sequence, string Name)
    {
        public double? Weight { get; init; }
    }

    public sealed class ParcelConsumer : IConsumer<Parcel>
    {
        public Task Consume(ConsumeContext<Parcel> context) => Task.CompletedTask;
    }

    private static readonly Parcel Sent = new("p-1", [new Item(1, "first") { Weight = 2.5 }, new Item(2, "second")]);

    private static async Task<ServiceProvider> HarnessAsync(params Type[] readDirectly)
    {
        var provider = new ServiceCollection()
            .AddMassTransitTestHarness(bus =>
            {
                bus.AddConsumer<ParcelConsumer>();
                bus.UsingInMemory((context, memory) =>
                {
                    memory.AddPlainJson(readDirectly);
                    memory.ConfigureEndpoints(context);
                });
            })
            .BuildServiceProvider(validateScopes: true);
        await provider.GetRequiredService<ITestHarness>().Start();
        return provider;
    }

    private static async Task<ConsumeContext<Parcel>> SendAndReceiveAsync(ITestHarness harness)
    {
        await harness.Bus.Publish(Sent, context => context.SendAsPlainJson());
        Assert.True(await harness.Consumed.Any<Parcel>());
        var consumed = await harness.Consumed.SelectAsync<Parcel>().First();
        Assert.Null(consumed.Exception);
        return consumed.Context;
    }

    [Fact]
    public async Task A_type_named_is_read_straight_from_a_body_that_is_the_message_alone()
    {
        await using var provider = await HarnessAsync(typeof(Parcel));
        var received = await SendAndReceiveAsync(provider.GetRequiredService<ITestHarness>());

        Assert.Equal("application/json", received.ReceiveContext.ContentType?.MediaType);
        var body = JsonNode.Parse(received.ReceiveContext.Body.GetBytes())!.AsObject();
        Assert.Equal(["id", "items"], body.Select(property => property.Key));
        Assert.Equal(Sent.Id, received.Message.Id);
        Assert.Equal(Sent.Items, received.Message.Items);
        // Read directly: not through the JSON document MassTransit's raw deserializer builds first.
        Assert.IsNotType<SystemTextJsonRawSerializerContext>(received.SerializerContext);
    }

    [Fact]
    public async Task A_type_not_named_is_read_as_MassTransit_reads_plain_JSON()
    {
        await using var provider = await HarnessAsync();
        var received = await SendAndReceiveAsync(provider.GetRequiredService<ITestHarness>());

        Assert.Equal(Sent.Items, received.Message.Items);
        Assert.IsType<SystemTextJsonRawSerializerContext>(received.SerializerContext);
    }

    [Fact]
    public async Task A_message_not_asked_to_be_plain_keeps_the_envelope()
    {
        await using var provider = await HarnessAsync(typeof(Parcel));
        var harness = provider.GetRequiredService<ITestHarness>();

        await harness.Bus.Publish(Sent);
        Assert.True(await harness.Consumed.Any<Parcel>());
        var received = (await harness.Consumed.SelectAsync<Parcel>().First()).Context;

        Assert.Equal("application/vnd.masstransit+json", received.ReceiveContext.ContentType?.MediaType);
        Assert.Equal(Sent.Items, received.Message.Items);
    }

    [Fact]
    public async Task A_message_read_directly_and_forwarded_arrives_whole_as_plain_JSON()
    {
        var copies = new TaskCompletionSource<ConsumeContext<Parcel>>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var provider = new ServiceCollection()
            .AddMassTransitTestHarness(bus => bus.UsingInMemory((context, memory) =>
            {
                memory.AddPlainJson([typeof(Parcel)]);
                memory.ReceiveEndpoint("parcels", endpoint => endpoint.Handler<Parcel>(parcel => parcel.Forward(new Uri("queue:parcel-copies"))));
                memory.ReceiveEndpoint("parcel-copies", endpoint =>
                {
                    endpoint.ConfigureConsumeTopology = false;
                    endpoint.Handler<Parcel>(copy =>
                    {
                        copies.TrySetResult(copy);
                        return Task.CompletedTask;
                    });
                });
            }))
            .BuildServiceProvider(validateScopes: true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();

        await harness.Bus.Publish(Sent, context => context.SendAsPlainJson());
        var copy = await copies.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("application/json", copy.ReceiveContext.ContentType?.MediaType);
        Assert.Equal(Sent.Id, copy.Message.Id);
        Assert.Equal(Sent.Items, copy.Message.Items);
        Assert.IsNotType<SystemTextJsonRawSerializerContext>(copy.SerializerContext);
    }

    [Theory]
    [InlineData("""{"id": "p-1", "items": 5}""")]
    [InlineData("""{"id": "p-1", "items": [""")]
    [InlineData("null")]
    public void A_body_that_is_not_its_type_is_a_serialization_error(string body)
    {
        var deserializer = new PlainJsonSerializerFactory([typeof(Parcel)]).CreateDeserializer();
        var headers = new DictionarySendHeaders();
        headers.Set(MessageHeaders.MessageType, MessageUrn.ForTypeString<Parcel>());

        Assert.Throws<SerializationException>(() => deserializer.Deserialize(new BytesMessageBody(Encoding.UTF8.GetBytes(body)), headers));
    }
}
