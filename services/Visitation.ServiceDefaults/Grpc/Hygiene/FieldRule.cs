namespace Visitation.ServiceDefaults.Grpc.Hygiene;

/// <summary>What a text field holds, which decides the form its value must have beyond plain text.</summary>
public enum TextForm
{
    /// <summary>Free text: any characters but controls, bidi controls and invisible-only text.</summary>
    Text,

    /// <summary>yyyy-MM-dd within <see cref="InputRules.EarliestYear"/> to <see cref="InputRules.YearsAhead"/> years ahead.</summary>
    Date,

    /// <summary>yyyy-MM within the same range as a date.</summary>
    Month,

    /// <summary>HH:mm.</summary>
    TimeOfDay,
}

/// <summary>The rule of one text field: its longest value in characters (Unicode scalar values, after NFC) and its form.</summary>
public sealed record TextRule(int MaxLength, TextForm Form = TextForm.Text);
