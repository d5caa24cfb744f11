namespace Visitation.Application.Features.Submit;

/// <summary>Documents a clerk checks ([Y 六]): identity, and proof of the relationship.</summary>
public static class Documents
{
    public const string IdCard = "id_card";
    public const string HouseholdRegister = "household_register";

    public static readonly IReadOnlySet<string> RelationshipProofs = new HashSet<string>(StringComparer.Ordinal)
    {
        HouseholdRegister, "marriage_certificate", "birth_certificate", "community_certificate",
        "notarial_certificate", "police_certificate", "court_judgment",
    };

    public static readonly IReadOnlySet<string> Known = new HashSet<string>(RelationshipProofs, StringComparer.Ordinal)
    {
        IdCard, "photo", "real_person_verification",
    };
}
