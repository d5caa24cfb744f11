using System.Collections;
using CsCheck;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Visitation.ServiceDefaults.Grpc.Hygiene;

namespace Visitation.IntegrationTests.Hygiene;

/// <summary>One hostile value put into one place of a request; printed without the value, which may be 100 KB.</summary>
public sealed record Mutation(string Place, string Kind, Action<IMessage> Apply)
{
    public override string ToString() => $"{Place}: {Kind}";
}

/// <summary>
/// Generators of hostile values for every place of a request message, found from its descriptor
/// (so a field added to a proto is attacked without anyone listing it): texts with NUL and other
/// C0/C1 controls, bidi controls, only invisible characters or far too long; dates and months out of
/// range; lists far over their cap; enum numbers the proto does not define.
/// </summary>
public static class HostileValues
{
    private const int MaxDepth = 4;

    private static readonly Gen<char> Controls = Gen.Char["\0\u0001\u0007\b\t\n\r\u001b\u007f\u0085\u009b"];
    private static readonly Gen<char> BidiControls = Gen.Char["\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C"];
    private static readonly Gen<string> InvisibleOnly = Gen.OneOf<string>("\u200B", "\u200B\u200C\u200D", "\uFEFF", "\u3164", "\u2800", "\u200B \u2060");

    /// <summary>A deep copy of any request, for one case to spoil.</summary>
    public static IMessage Copy(IMessage request) => request.Descriptor.Parser.ParseFrom(request.ToByteArray());

    /// <summary>Every hostile value for every place of <paramref name="request"/>'s type.</summary>
    public static Gen<Mutation> For(MessageDescriptor request, DateOnly today) =>
        Gen.OneOf<Mutation>([.. Places(request, [], 0).Select(place => ForPlace(place.Path, place.WholeList, today))]);

    /// <summary>Every text and enum field at any depth, and every list as a whole.</summary>
    private static IEnumerable<(FieldDescriptor[] Path, bool WholeList)> Places(MessageDescriptor message, FieldDescriptor[] prefix, int depth)
    {
        foreach (var field in message.Fields.InFieldNumberOrder())
        {
            FieldDescriptor[] path = [.. prefix, field];
            if (field.IsRepeated)
            {
                yield return (path, true);
            }

            if (field.FieldType is FieldType.String or FieldType.Enum)
            {
                yield return (path, false);
            }
            else if (field.FieldType == FieldType.Message && depth < MaxDepth && !field.MessageType.File.Package.StartsWith("google.", StringComparison.Ordinal))
            {
                foreach (var inner in Places(field.MessageType, path, depth + 1))
                {
                    yield return inner;
                }
            }
        }
    }

    private static Gen<Mutation> ForPlace(FieldDescriptor[] path, bool wholeList, DateOnly today)
    {
        var place = string.Join('.', path.Select(f => f.Name));
        if (wholeList)
        {
            return HugeList(path, place);
        }

        return path[^1].FieldType == FieldType.Enum ? UnknownEnum(path, place) : Text(path, place, today);
    }

    private static Gen<Mutation> HugeList(FieldDescriptor[] path, string place)
    {
        var field = path[^1];
        var cap = field.FieldType == FieldType.Enum ? field.EnumType.Values.Count(v => v.Number != 0) : InputRules.ListCapFor(field.Name);
        return Gen.Int[cap + 1, Math.Max(cap + 2, 2_000)].Select(count => new Mutation(place, $"{count} items", request =>
        {
            var list = ListAt(request, path);
            list.Clear();
            for (var i = 0; i < count; i++)
            {
                list.Add(field.FieldType switch
                {
                    FieldType.String => "2026-12-01",
                    FieldType.Enum => Enum.ToObject(field.EnumType.ClrType, field.EnumType.Values.First(v => v.Number != 0).Number),
                    _ => field.MessageType.Parser.ParseFrom(ByteString.Empty),
                });
            }
        }));
    }

    private static Gen<Mutation> UnknownEnum(FieldDescriptor[] path, string place)
    {
        var field = path[^1];
        var highest = field.EnumType.Values.Max(v => v.Number);
        return Gen.OneOf<int>(Gen.Int[highest + 1, int.MaxValue], Gen.Int[int.MinValue, -1])
            .Select(number => new Mutation(place, $"enum number {number}", request => Put(request, path, Enum.ToObject(field.EnumType.ClrType, number))));
    }

    private static Gen<Mutation> Text(FieldDescriptor[] path, string place, DateOnly today)
    {
        var rule = InputRules.TextRuleFor(path[^1].Name);
        var texts = new List<Gen<(string Kind, string Value)>>
        {
            Controls.Select(c => ($"control U+{(int)c:X4}", $"正常{c}文本")),
            BidiControls.Select(c => ($"bidi U+{(int)c:X4}", $"{c}abc")),
            InvisibleOnly.Select(s => ("only invisible characters", s)),
            Gen.Int[rule.MaxLength + 1, rule.MaxLength + 50].Select(n => ($"{n} characters", new string('长', n))),
            Gen.Int[10_000, 100_000].Select(n => ($"{n} characters", new string('A', n))),
        };
        if (rule.Form is TextForm.Date or TextForm.Month)
        {
            var years = Gen.OneOf<int>(Gen.Int[1, InputRules.EarliestYear - 1], Gen.Int[today.Year + InputRules.YearsAhead + 1, 9999]);
            texts.Add(years.Select(y => ("year " + y, rule.Form == TextForm.Date ? $"{y:D4}-12-31" : $"{y:D4}-12")));
        }

        return Gen.OneOf<(string Kind, string Value)>([.. texts]).Select(text => new Mutation(place, text.Kind, request => Put(request, path, text.Value)));
    }

    /// <summary>Sets the place to one value: a single field's value, or a repeated field's only item.</summary>
    private static void Put(IMessage request, FieldDescriptor[] path, object value)
    {
        var field = path[^1];
        var owner = OwnerOf(request, path);
        if (field.IsRepeated)
        {
            var list = (IList)field.Accessor.GetValue(owner);
            list.Clear();
            list.Add(value);
        }
        else
        {
            field.Accessor.SetValue(owner, value);
        }
    }

    private static IList ListAt(IMessage request, FieldDescriptor[] path) => (IList)path[^1].Accessor.GetValue(OwnerOf(request, path));

    /// <summary>The message holding the place's last field, creating the messages on the way (a list's first item).</summary>
    private static IMessage OwnerOf(IMessage request, FieldDescriptor[] path)
    {
        var current = request;
        foreach (var step in path[..^1])
        {
            if (step.IsRepeated)
            {
                var list = (IList)step.Accessor.GetValue(current);
                if (list.Count == 0)
                {
                    list.Add(step.MessageType.Parser.ParseFrom(ByteString.Empty));
                }

                current = (IMessage)list[0]!;
            }
            else
            {
                if (step.Accessor.GetValue(current) is not IMessage next)
                {
                    next = step.MessageType.Parser.ParseFrom(ByteString.Empty);
                    step.Accessor.SetValue(current, next);
                }

                current = next;
            }
        }

        return current;
    }
}
