using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;

namespace Visitation.ServiceDefaults.Grpc.Hygiene;

/// <summary>
/// Walks a request message by its protobuf descriptor and applies <see cref="InputRules"/> to every
/// field at any depth: lists are capped before their items are read, texts checked and NFC-normalised
/// in place, enum numbers must be defined, timestamps within the date range. It stops after
/// <see cref="InputRules.MaxViolations"/> violations, so a hostile request costs a bounded reply.
/// </summary>
public static class RequestHygiene
{
    /// <summary>The violations of <paramref name="request"/>, at most <see cref="InputRules.MaxViolations"/>; accepted texts are normalised in place.</summary>
    public static IReadOnlyList<BadRequest.Types.FieldViolation> Check(IMessage request, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(request);
        var walk = new Walk(today);
        walk.Message(request, prefix: string.Empty);
        return walk.Violations;
    }

    private sealed class Walk(DateOnly today)
    {
        public List<BadRequest.Types.FieldViolation> Violations { get; } = [];

        private bool Full => Violations.Count >= InputRules.MaxViolations;

        public void Message(IMessage message, string prefix)
        {
            if (message is Timestamp timestamp)
            {
                CheckTimestamp(timestamp, prefix);
                return;
            }

            foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
            {
                if (Full)
                {
                    return;
                }

                var path = prefix.Length == 0 ? field.Name : $"{prefix}.{field.Name}";
                if (field.IsRepeated)
                {
                    List(message, field, path);
                }
                else
                {
                    Single(message, field, path);
                }
            }
        }

        private void List(IMessage message, FieldDescriptor field, string path)
        {
            var items = (IList)field.Accessor.GetValue(message);
            var cap = field.FieldType == FieldType.Enum
                ? field.EnumType.Values.Count(v => v.Number != 0)
                : InputRules.ListCapFor(field.Name);
            if (items.Count > cap)
            {
                Add(path, Refusal.TooMany(cap));
                return;
            }

            for (var i = 0; i < items.Count && !Full; i++)
            {
                var itemPath = $"{path}[{i}]";
                switch (items[i])
                {
                    case string text:
                        if (Text(text, field, itemPath) is { } normalised && !ReferenceEquals(normalised, text))
                        {
                            items[i] = normalised;
                        }

                        break;
                    case IMessage child:
                        Message(child, itemPath);
                        break;
                    default:
                        if (field.FieldType == FieldType.Enum)
                        {
                            Enum(field, Convert.ToInt32(items[i], System.Globalization.CultureInfo.InvariantCulture), itemPath);
                        }

                        break;
                }
            }
        }

        private void Single(IMessage message, FieldDescriptor field, string path)
        {
            switch (field.FieldType)
            {
                case FieldType.String:
                    var text = (string)field.Accessor.GetValue(message);
                    if (Text(text, field, path) is { } normalised && !ReferenceEquals(normalised, text))
                    {
                        field.Accessor.SetValue(message, normalised);
                    }

                    break;
                case FieldType.Message:
                    if (field.Accessor.GetValue(message) is IMessage child)
                    {
                        Message(child, path);
                    }

                    break;
                case FieldType.Enum:
                    Enum(field, Convert.ToInt32(field.Accessor.GetValue(message), System.Globalization.CultureInfo.InvariantCulture), path);
                    break;
            }
        }

        /// <summary>The normalised text, or null when refused.</summary>
        private string? Text(string value, FieldDescriptor field, string path)
        {
            var refusal = TextChecks.Check(value, InputRules.TextRuleFor(field.Name), today, out var normalised);
            if (refusal is null)
            {
                return normalised;
            }

            Add(path, refusal);
            return null;
        }

        private void Enum(FieldDescriptor field, int number, string path)
        {
            if (field.EnumType.FindValueByNumber(number) is null)
            {
                Add(path, Refusal.UnknownEnumValue);
            }
        }

        private void CheckTimestamp(Timestamp timestamp, string path)
        {
            var inRange = timestamp.Seconds is >= -62135596800 and <= 253402300799 && timestamp.Nanos is >= 0 and < 1_000_000_000
                && TextChecks.InRange(DateOnly.FromDateTime(timestamp.ToDateTime()), today);
            if (!inRange)
            {
                Add(path, Refusal.OutOfRange);
            }
        }

        private void Add(string path, Refusal refusal) =>
            Violations.Add(new BadRequest.Types.FieldViolation { Field = path, Description = refusal.Message, Reason = refusal.Code });
    }
}
