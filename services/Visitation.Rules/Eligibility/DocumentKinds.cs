namespace Visitation.Rules.Eligibility;

/// <summary>Codes of the documents a visitor can present ([Y 六], [NC§6], [N§7]).</summary>
public static class DocumentKinds
{
    public const string ResidentId = "resident_id";
    public const string HouseholdRegister = "household_register";
    public const string MarriageCertificate = "marriage_certificate";
    public const string BirthCertificate = "birth_certificate";
    /// <summary>From a residents'/villagers' committee, township, street office, notary or household-registration authority.</summary>
    public const string RelationshipCertificate = "relationship_certificate";
    /// <summary>A court judgment that states the relationship.</summary>
    public const string CourtJudgment = "court_judgment";
    /// <summary>会见证: issued on the first visit; later visits use it instead of re-proving the relationship.</summary>
    public const string VisitPermit = "visit_permit";
    public const string RecentPhoto = "recent_photo";
    public const string RealPersonVerification = "real_person_verification";

    /// <summary>Any one of these proves the relationship.</summary>
    public static IReadOnlyList<string> RelationshipProofs { get; } =
        [HouseholdRegister, MarriageCertificate, BirthCertificate, RelationshipCertificate, CourtJudgment, VisitPermit];

    /// <summary>Every code a clerk may record; anything else is a typing mistake, not a document.</summary>
    public static IReadOnlyList<string> All { get; } =
        [ResidentId, .. RelationshipProofs, RecentPhoto, RealPersonVerification];

    public static string NameOf(string kind) => kind switch
    {
        RecentPhoto => "近期生活照",
        RealPersonVerification => "实人认证",
        ResidentId => "居民身份证",
        HouseholdRegister => "户口簿",
        _ => kind,
    };
}
