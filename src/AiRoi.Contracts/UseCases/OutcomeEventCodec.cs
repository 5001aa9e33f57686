using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using AiRoi.Domain.Events;
using Orleans.Serialization.Buffers;
using Orleans.Serialization.Cloning;
using Orleans.Serialization.Codecs;
using Orleans.Serialization.WireProtocol;

namespace AiRoi.Contracts.UseCases;

/// <summary>
/// An outcome event in Orleans' binary form, field by field. Ingestion hands batches of up to 10,000 events to a
/// use-case grain in one call, so an event travels as a value: its texts are written as they are, not tracked as
/// objects that another field might refer to again (which costs a lookup table entry per text, grown per batch).
/// The pure domain type needs no Orleans attributes (ADR-0013). Events are not changed once read, so a copy is the
/// event itself.
/// </summary>
[RegisterSerializer]
[RegisterCopier]
public sealed class OutcomeEventCodec : IFieldCodec<OutcomeEvent>, IDeepCopier<OutcomeEvent>
{
    // Field ids on the wire; a new field takes the next id, and a reader skips ids it does not know.
    private const uint EventId = 0, UseCaseId = 1, StartedAt = 2, CompletedAt = 3, Handler = 4, SubjectId = 5, Resolved = 6,
        Escalated = 7, EscalationReason = 8, Contacts = 9, ExceptionType = 10, AiCost = 11, HumanMinutes = 12, HumanCost = 13,
        Csat = 14, Nps = 15, Converted = 16, ConversionValue = 17, ExperimentId = 18, Variant = 19, Attributes = 20,
        Measures = 21, TraceId = 22;

    /// <inheritdoc />
    public OutcomeEvent? DeepCopy(OutcomeEvent? input, CopyContext context) => input;

    /// <inheritdoc />
    public void WriteField<TBufferWriter>(ref Writer<TBufferWriter> writer, uint fieldIdDelta, [AllowNull] Type expectedType, [AllowNull] OutcomeEvent value)
        where TBufferWriter : IBufferWriter<byte>
    {
        if (value is null)
        {
            ReferenceCodec.WriteNullReference(ref writer, fieldIdDelta);
            return;
        }
        ReferenceCodec.MarkValueField(writer.Session);
        writer.WriteFieldHeader(fieldIdDelta, expectedType, typeof(OutcomeEvent), WireType.TagDelimited);
        var fields = new FieldWriter();
        fields.Text(ref writer, EventId, value.EventId);
        fields.Text(ref writer, UseCaseId, value.UseCaseId);
        DateTimeOffsetCodec.WriteField(ref writer, fields.Next(StartedAt), value.StartedAt);
        DateTimeOffsetCodec.WriteField(ref writer, fields.Next(CompletedAt), value.CompletedAt);
        Int32Codec.WriteField(ref writer, fields.Next(Handler), (int)value.Handler);
        fields.Text(ref writer, SubjectId, value.SubjectId);
        fields.Flag(ref writer, Resolved, value.Resolved);
        fields.Flag(ref writer, Escalated, value.Escalated);
        fields.Text(ref writer, EscalationReason, value.EscalationReason);
        fields.Count(ref writer, Contacts, value.Contacts);
        fields.Text(ref writer, ExceptionType, value.ExceptionType);
        fields.Money(ref writer, AiCost, value.AiCost);
        fields.Number(ref writer, HumanMinutes, value.HumanMinutes);
        fields.Money(ref writer, HumanCost, value.HumanCost);
        fields.Count(ref writer, Csat, value.Csat);
        fields.Count(ref writer, Nps, value.Nps);
        fields.Flag(ref writer, Converted, value.Converted);
        fields.Money(ref writer, ConversionValue, value.ConversionValue);
        fields.Text(ref writer, ExperimentId, value.ExperimentId);
        fields.Text(ref writer, Variant, value.Variant);
        if (value.Attributes is { } attributes)
        {
            ReferenceCodec.MarkValueField(writer.Session);
            writer.WriteFieldHeaderExpected(fields.Next(Attributes), WireType.TagDelimited);
            var entries = new FieldWriter();
            foreach (var (key, text) in attributes as Dictionary<string, string> ?? new Dictionary<string, string>(attributes))
            {
                // Entries are read in pairs, so a value may not be left out; validation refuses a null one first.
                entries.Text(ref writer, entries.Id, key);
                entries.Text(ref writer, entries.Id, text ?? throw new ArgumentException($"Attribute '{key}' of event {value.EventId} has no value.", nameof(value)));
            }
            writer.WriteEndObject();
        }
        if (value.Measures is { } measures)
        {
            ReferenceCodec.MarkValueField(writer.Session);
            writer.WriteFieldHeaderExpected(fields.Next(Measures), WireType.TagDelimited);
            var entries = new FieldWriter();
            foreach (var (key, number) in measures as Dictionary<string, double> ?? new Dictionary<string, double>(measures))
            {
                entries.Text(ref writer, entries.Id, key);
                DoubleCodec.WriteField(ref writer, entries.Next(entries.Id), number);
            }
            writer.WriteEndObject();
        }
        fields.Text(ref writer, TraceId, value.TraceId);
        writer.WriteEndObject();
    }

    /// <inheritdoc />
    [return: MaybeNull]
    public OutcomeEvent ReadValue<TInput>(ref Reader<TInput> reader, Field field)
    {
        if (field.WireType == WireType.Reference)
        {
            return ReferenceCodec.ReadReference<OutcomeEvent, TInput>(ref reader, field);
        }
        field.EnsureWireTypeTagDelimited();
        ReferenceCodec.MarkValueField(reader.Session);

        string? eventId = null, useCaseId = null, subjectId = null, escalationReason = null, exceptionType = null,
            experimentId = null, variant = null, traceId = null;
        DateTimeOffset startedAt = default, completedAt = default;
        var handler = 0;
        bool? resolved = null, escalated = null, converted = null;
        int? contacts = null, csat = null, nps = null;
        decimal? aiCost = null, humanCost = null, conversionValue = null;
        double? humanMinutes = null;
        Dictionary<string, string>? attributes = null;
        Dictionary<string, double>? measures = null;
        uint id = 0;
        while (true)
        {
            var header = reader.ReadFieldHeader();
            if (header.IsEndBaseOrEndObject)
            {
                break;
            }
            id += header.FieldIdDelta;
            switch (id)
            {
                case EventId: eventId = ReadText(ref reader, header); break;
                case UseCaseId: useCaseId = ReadText(ref reader, header); break;
                case StartedAt: startedAt = DateTimeOffsetCodec.ReadValue(ref reader, header); break;
                case CompletedAt: completedAt = DateTimeOffsetCodec.ReadValue(ref reader, header); break;
                case Handler: handler = Int32Codec.ReadValue(ref reader, header); break;
                case SubjectId: subjectId = ReadText(ref reader, header); break;
                case Resolved: resolved = BoolCodec.ReadValue(ref reader, header); break;
                case Escalated: escalated = BoolCodec.ReadValue(ref reader, header); break;
                case EscalationReason: escalationReason = ReadText(ref reader, header); break;
                case Contacts: contacts = Int32Codec.ReadValue(ref reader, header); break;
                case ExceptionType: exceptionType = ReadText(ref reader, header); break;
                case AiCost: aiCost = DecimalCodec.ReadValue(ref reader, header); break;
                case HumanMinutes: humanMinutes = DoubleCodec.ReadValue(ref reader, header); break;
                case HumanCost: humanCost = DecimalCodec.ReadValue(ref reader, header); break;
                case Csat: csat = Int32Codec.ReadValue(ref reader, header); break;
                case Nps: nps = Int32Codec.ReadValue(ref reader, header); break;
                case Converted: converted = BoolCodec.ReadValue(ref reader, header); break;
                case ConversionValue: conversionValue = DecimalCodec.ReadValue(ref reader, header); break;
                case ExperimentId: experimentId = ReadText(ref reader, header); break;
                case Variant: variant = ReadText(ref reader, header); break;
                case Attributes: attributes = ReadEntries(ref reader, header, static (ref Reader<TInput> r, Field f) => ReadText(ref r, f)); break;
                case Measures: measures = ReadEntries(ref reader, header, static (ref Reader<TInput> r, Field f) => DoubleCodec.ReadValue(ref r, f)); break;
                case TraceId: traceId = ReadText(ref reader, header); break;
                default: reader.ConsumeUnknownField(header); break;
            }
        }
        return new OutcomeEvent(eventId!, useCaseId!, startedAt, completedAt, (Handler)handler)
        {
            SubjectId = subjectId,
            Resolved = resolved,
            Escalated = escalated,
            EscalationReason = escalationReason,
            Contacts = contacts,
            ExceptionType = exceptionType,
            AiCost = aiCost,
            HumanMinutes = humanMinutes,
            HumanCost = humanCost,
            Csat = csat,
            Nps = nps,
            Converted = converted,
            ConversionValue = conversionValue,
            ExperimentId = experimentId,
            Variant = variant,
            TraceId = traceId,
            Attributes = attributes,
            Measures = measures,
        };
    }

    private delegate T ValueReader<TInput, T>(ref Reader<TInput> reader, Field field);

    private static string ReadText<TInput>(ref Reader<TInput> reader, Field field)
    {
        ReferenceCodec.MarkValueField(reader.Session);
        field.EnsureWireType(WireType.LengthPrefixed);
        return StringCodec.ReadRaw(ref reader, reader.ReadVarUInt32());
    }

    /// <summary>Reads a map written as key, value, key, value… fields of one nested object.</summary>
    private static Dictionary<string, T> ReadEntries<TInput, T>(ref Reader<TInput> reader, Field field, ValueReader<TInput, T> readValue)
    {
        ReferenceCodec.MarkValueField(reader.Session);
        field.EnsureWireTypeTagDelimited();
        var entries = new Dictionary<string, T>(StringComparer.Ordinal);
        string? key = null;
        while (true)
        {
            var header = reader.ReadFieldHeader();
            if (header.IsEndBaseOrEndObject)
            {
                break;
            }
            if (key is null)
            {
                key = ReadText(ref reader, header);
            }
            else
            {
                entries[key] = readValue(ref reader, header);
                key = null;
            }
        }
        return entries;
    }

    // Maps are walked as dictionaries (what events read from JSON hold), whose enumerator is a value, not an object per event.

    /// <summary>Writes fields in ascending id order as the wire wants them, each as the difference from the last.</summary>
    private struct FieldWriter
    {
        private uint? last;

        /// <summary>The id after the last one written (0 at first): how maps number their entries.</summary>
        public readonly uint Id => last is { } previous ? previous + 1 : 0;

        /// <summary>The delta of <paramref name="id"/> from the last field written, which it becomes.</summary>
        public uint Next(uint id)
        {
            var delta = id - (last ?? 0);
            last = id;
            return delta;
        }

        public void Text<TBufferWriter>(ref Writer<TBufferWriter> writer, uint id, string? text) where TBufferWriter : IBufferWriter<byte>
        {
            if (text is null)
            {
                return;
            }
            ReferenceCodec.MarkValueField(writer.Session);
            writer.WriteFieldHeaderExpected(Next(id), WireType.LengthPrefixed);
            var bytes = Encoding.UTF8.GetByteCount(text);
            writer.WriteVarUInt32((uint)bytes);
            StringCodec.WriteRaw(ref writer, text, bytes);
        }

        public void Flag<TBufferWriter>(ref Writer<TBufferWriter> writer, uint id, bool? flag) where TBufferWriter : IBufferWriter<byte>
        {
            if (flag is { } value)
            {
                BoolCodec.WriteField(ref writer, Next(id), value);
            }
        }

        public void Count<TBufferWriter>(ref Writer<TBufferWriter> writer, uint id, int? count) where TBufferWriter : IBufferWriter<byte>
        {
            if (count is { } value)
            {
                Int32Codec.WriteField(ref writer, Next(id), value);
            }
        }

        public void Number<TBufferWriter>(ref Writer<TBufferWriter> writer, uint id, double? number) where TBufferWriter : IBufferWriter<byte>
        {
            if (number is { } value)
            {
                DoubleCodec.WriteField(ref writer, Next(id), value);
            }
        }

        public void Money<TBufferWriter>(ref Writer<TBufferWriter> writer, uint id, decimal? money) where TBufferWriter : IBufferWriter<byte>
        {
            if (money is { } value)
            {
                DecimalCodec.WriteField(ref writer, Next(id), value);
            }
        }
    }
}
