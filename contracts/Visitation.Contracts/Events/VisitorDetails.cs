namespace Visitation.Contracts.Events;

/// <summary>
/// A visitor as the reviewing stages see them: enough to confirm identity and relationship, and no
/// full ID number (docs/data-minimisation.md). <see cref="IdNumberMasked"/> is what officers read;
/// <see cref="VisitorKey"/> is what the prison matches its relatives register and bars on.
/// </summary>
/// <param name="IdNumberMasked">The resident ID number masked as every reply shows it (e.g. 1101**********002X).</param>
/// <param name="VisitorKey">
/// The keyed blind index of the full ID number (<see cref="KeyPurpose"/>) under a key only the
/// application and prison-approval services hold: the same person gives the same key, and nobody
/// without the key can tell whose number it is or compute it from a number.
/// </param>
/// <param name="Position">
/// The visitor's position on the application as filed, from 0, once a reviewing stage removed a visitor before them
/// (the later stages see fewer visitors than were filed); null: their index in <see cref="ApplicationDetails.Visitors"/>.
/// </param>
public sealed record VisitorDetails(
    string Name,
    string IdNumberMasked,
    string VisitorKey,
    string Relation,
    int Age,
    IReadOnlyList<string> Documents,
    bool IsGuardianOfChildren = false,
    int? Position = null)
{
    /// <summary>The blind-index purpose, and the name of the shared key, the visitor key is computed with.</summary>
    public const string KeyPurpose = "visitor";
}
