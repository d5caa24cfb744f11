namespace Visitation.Rules.Sms;

/// <summary>
/// The SMS texts sent to families, composed from the registered templates (<see cref="SmsTemplateRegistry"/>,
/// <c>sms-templates.json</c>). Every value is one the system itself chose: a month, a date and
/// time, a reference, the name and address of a venue, an office or a bureau from the reference data,
/// and a reason from <see cref="SmsReasons"/>. Nothing typed by staff or the family reaches an SMS —
/// no names (the inmate's name is what a clerk typed, and a shared phone should not read it), no
/// decision texts — and nothing about the inmate's status (RULES.md §8; docs/sms-content.md).
/// </summary>
public static class SmsTemplates
{
    /// <summary>Every message starts with the service's signature so families recognise the sender.</summary>
    public static string Signature => SmsTemplateRegistry.Signature;

    /// <summary>The placeholder names the template of <paramref name="kind"/> needs, in text order.</summary>
    public static IReadOnlyList<string> Placeholders(SmsKind kind) =>
        [.. SmsTemplateRegistry.For(kind).Variables.Select(v => v.Name)];

    /// <summary>
    /// The message text (signature included) with every placeholder replaced. A missing value throws
    /// rather than send a family a message with a hole in it; extra values are ignored.
    /// </summary>
    /// <exception cref="ArgumentException">A placeholder has no value; the message names it.</exception>
    /// <exception cref="SmsCompositionException">A value is longer than its variable allows.</exception>
    public static string Render(SmsKind kind, IReadOnlyDictionary<string, string> values) => Compose(kind, values).Text;

    /// <summary>The message as a provider is asked to send it: the template, each variable's value as sent, and the text the family reads.</summary>
    /// <inheritdoc cref="Render" path="/exception"/>
    public static ComposedSms Compose(SmsKind kind, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var template = SmsTemplateRegistry.Template(kind);
        var (body, parameters) = template.Compose(values);
        return new ComposedSms(template.Definition, parameters, Signature + body);
    }

    /// <summary>Characters of <paramref name="text"/> as the providers count them (one per character seen).</summary>
    public static int LengthOf(string text) => SmsTemplate.LengthOf(text);
}

/// <summary>A composed SMS: its registered template, the variables' values in text order, and the whole text with the signature.</summary>
public sealed record ComposedSms(SmsTemplateDefinition Template, IReadOnlyList<KeyValuePair<string, string>> Parameters, string Text);
