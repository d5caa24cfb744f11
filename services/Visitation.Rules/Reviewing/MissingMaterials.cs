using System.Collections.Frozen;

namespace Visitation.Rules.Reviewing;

/// <summary>
/// What a reviewing stage may ask the office for when it sends an application back (退回补正): a
/// closed list of codes, each with the few words the family's SMS names it by. The reviewer's note
/// is staff text and stays with the staff; the family reads only these words (docs/send-back.md).
/// The codes are the snake_case names of the proto's <c>MissingMaterial</c> values.
/// </summary>
public static class MissingMaterials
{
    public const string ResidentId = "resident_id";
    public const string HouseholdRegister = "household_register";
    public const string RelationshipProof = "relationship_proof";
    public const string GuardianProof = "guardian_proof";
    public const string RecentPhoto = "recent_photo";
    public const string RealPersonVerification = "real_person_verification";
    public const string VisitorDetails = "visitor_details";

    private static readonly FrozenDictionary<string, string> Words = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [ResidentId] = "居民身份证",
        [HouseholdRegister] = "户口簿",
        [RelationshipProof] = "亲属关系证明",
        [GuardianProof] = "监护关系证明",
        [RecentPhoto] = "近期生活照",
        [RealPersonVerification] = "实人认证",
        [VisitorDetails] = "会见人身份信息更正",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every code, in the proto's order.</summary>
    public static IReadOnlyList<string> All { get; } =
        [ResidentId, HouseholdRegister, RelationshipProof, GuardianProof, RecentPhoto, RealPersonVerification, VisitorDetails];

    public static bool IsKnown(string code) => Words.ContainsKey(code);

    /// <summary>The family's words for one code.</summary>
    public static string WordsFor(string code) =>
        Words.TryGetValue(code, out var words) ? words : throw new ArgumentOutOfRangeException(nameof(code), code, "Not a missing-material code.");

    /// <summary>The items as the SMS lists them, in the order given: "户口簿、亲属关系证明".</summary>
    public static string Describe(IEnumerable<string> codes) => string.Join("、", codes.Select(WordsFor));
}
