using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Net.Mime;
using System.Runtime.Serialization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MassTransit;
using MassTransit.Serialization;

namespace AiRoi.ServiceDefaults.Messaging;

/// <summary>
/// Messages as plain JSON (<c>application/json</c>), without MassTransit's envelope: written by MassTransit's raw
/// JSON serializer, read straight into the message for the types given here. MassTransit's own raw deserializer
/// parses every body into a JSON document and then reads the message from that document: for a message of a
/// thousand events, twice the time and three times the memory of reading the body once. A body whose message type
/// header names none of these types is read as MassTransit reads it.
/// </summary>
/// <param name="directTypes">The message types read straight from the body: those this service consumes in bulk.</param>
public sealed class PlainJsonSerializerFactory(IEnumerable<Type> directTypes) : ISerializerFactory
{
    private readonly SystemTextJsonRawMessageSerializer raw = new();
    private readonly FrozenDictionary<string, Type> typesByUrn = directTypes.ToFrozenDictionary(MessageUrn.ForTypeString, type => type, StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    public ContentType ContentType => SystemTextJsonRawMessageSerializer.JsonContentType;

    /// <inheritdoc />
    public IMessageSerializer CreateSerializer() => raw;

    /// <inheritdoc />
    public IMessageDeserializer CreateDeserializer() => new PlainJsonDeserializer(raw, typesByUrn);

    /// <summary>
    /// A message read straight from a plain JSON body: the message object stands where MassTransit's raw reader keeps
    /// a JSON element. Another type the header names (an interface of the message) is read from the message's JSON;
    /// whatever writes the message again (a forward, a scheduled redelivery) writes it as plain JSON, as
    /// MassTransit's raw context does.
    /// </summary>
    private sealed class PlainJsonSerializerContext(ContentType contentType, MessageContext messageContext, string[] messageTypes, object message)
        : SystemTextJsonSerializerContext(SystemTextJsonMessageSerializer.Instance, SystemTextJsonMessageSerializer.Options, contentType,
            messageContext, messageTypes, message: message)
    {
        public override bool TryGetMessage<T>([NotNullWhen(true)] out T? message) where T : class
        {
            if (Message is T read)
            {
                message = read;
                return true;
            }
            message = typeof(T) == typeof(JsonObject) ? JsonSerializer.SerializeToNode(Message, Options) as T
                : IsSupportedMessageType<T>() ? JsonSerializer.SerializeToElement(Message, Options).Deserialize<T>(Options)
                : null;
            return message is not null;
        }

        public override bool TryGetMessage(Type messageType, [NotNullWhen(true)] out object? message)
        {
            message = messageType.IsInstanceOfType(Message) ? Message : JsonSerializer.SerializeToElement(Message, Options).Deserialize(messageType, Options);
            return message is not null;
        }

        public override IMessageSerializer GetMessageSerializer() =>
            new SystemTextJsonBodyMessageSerializer(Message, ContentType, Options, RawSerializerOptions.Default, SupportedMessageTypes);

        public override IMessageSerializer GetMessageSerializer(object message, string[] messageTypes) =>
            new SystemTextJsonBodyMessageSerializer(message, ContentType, Options, RawSerializerOptions.Default, messageTypes);

        public override IMessageSerializer GetMessageSerializer<T>(MessageEnvelope envelope, T message)
        {
            var serializer = new SystemTextJsonBodyMessageSerializer(envelope, ContentType, Options, RawSerializerOptions.Default, SupportedMessageTypes);
            serializer.Overlay(message);
            return serializer;
        }
    }

    private sealed class PlainJsonDeserializer(SystemTextJsonRawMessageSerializer raw, FrozenDictionary<string, Type> typesByUrn) : IMessageDeserializer
    {
        public ContentType ContentType => raw.ContentType;

        public void Probe(ProbeContext context)
        {
            var scope = context.CreateScope("json");
            scope.Add("contentType", ContentType.MediaType);
            scope.Add("readDirectly", string.Join(", ", typesByUrn.Keys));
        }

        public ConsumeContext Deserialize(ReceiveContext receiveContext) =>
            new BodyConsumeContext(receiveContext, Deserialize(receiveContext.Body, receiveContext.TransportHeaders, receiveContext.InputAddress));

        public SerializerContext Deserialize(MessageBody body, Headers headers, Uri? destinationAddress = null)
        {
            var messageTypes = headers.GetMessageTypes();
            foreach (var urn in messageTypes)
            {
                if (typesByUrn.TryGetValue(urn, out var type))
                {
                    object? message;
                    try
                    {
                        message = JsonSerializer.Deserialize(body.GetBytes(), type, SystemTextJsonMessageSerializer.Options);
                    }
                    catch (Exception exception)
                    {
                        throw new SerializationException($"The body is not a {type.Name}: {exception.Message}", exception);
                    }
                    return new PlainJsonSerializerContext(ContentType, new RawMessageContext(headers, destinationAddress, RawSerializerOptions.Default),
                        messageTypes, message ?? throw new SerializationException($"The body is JSON null, not a {type.Name}."));
                }
            }
            return raw.Deserialize(body, headers, destinationAddress);
        }

        public MessageBody GetMessageBody(string text) => raw.GetMessageBody(text);
    }
}
