using Visitation.Rules.ReferenceData;

namespace Visitation.Console.Vocabulary;

/// <summary>Organisation names from the reference data, for pages that would otherwise show ids.</summary>
public static class Organisations
{
    public static string NameOf(this ReferenceDataSet reference, string? id)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return reference.Office(id ?? string.Empty)?.Name
            ?? reference.County(id ?? string.Empty)?.Name
            ?? reference.Prison(id ?? string.Empty)?.Name
            ?? reference.Venue(id ?? string.Empty)?.Name
            ?? reference.Province(id ?? string.Empty)?.Name
            ?? id
            ?? string.Empty;
    }
}
