namespace Visitation.ServiceDefaults.Grpc.Hygiene;

/// <summary>
/// The one table of input limits, by what a field means. A request field is found by its proto
/// name wherever it sits (<c>name</c> is a person's name in every message, <c>reason</c> a text told
/// to the family), so a new message with familiar fields is covered without an entry; a name the
/// table does not know gets the free-text rule and the list cap of a page. The handlers' own
/// validators narrow further (e.g. a cancellation note is at most 100 characters).
/// </summary>
public static class InputRules
{
    /// <summary>Names of people: long enough for any Chinese name and most transliterated ones.</summary>
    public static readonly TextRule PersonName = new(30);

    /// <summary>Reasons, notes and signatories: one SMS-sized text.</summary>
    public static readonly TextRule FreeText = new(200);

    /// <summary>Ids of records, organisations, requests, page tokens and reason codes.</summary>
    public static readonly TextRule Identifier = new(64);

    /// <summary>A prison's own inmate number, as the family's letters show it.</summary>
    public static readonly TextRule InmateNumber = new(32);

    /// <summary>An 18-character resident ID number (GB 11643).</summary>
    public static readonly TextRule ResidentIdNumber = new(18);

    /// <summary>A mainland mobile number, 11 digits.</summary>
    public static readonly TextRule MobileNumber = new(11);

    public static readonly TextRule Date = new(10, TextForm.Date);
    public static readonly TextRule Month = new(7, TextForm.Month);
    public static readonly TextRule TimeOfDay = new(5, TextForm.TimeOfDay);

    /// <summary>The earliest year a date or month may name: older ones are typing errors, not history.</summary>
    public const int EarliestYear = 1900;

    /// <summary>How far ahead a date or month may reach: nothing here plans further.</summary>
    public const int YearsAhead = 10;

    /// <summary>At most this many violations are named in a refusal: enough to fix a form, bounded for the connection.</summary>
    public const int MaxViolations = 20;

    /// <summary>A list's cap when the table names none: one page (<see cref="Page.MaxSize"/>).</summary>
    public const int DefaultListCap = Page.MaxSize;

    /// <summary>Visitors on one application or question: the policies' 3 counted visitors plus children, as CheckEligibility has always capped them.</summary>
    public const int MaxVisitors = 10;

    /// <summary>Preferred dates: as many as an area has video days in a month.</summary>
    public const int MaxPreferredDates = 3;

    /// <summary>An inmate's statuses in one import record.</summary>
    public const int MaxStatusesPerInmate = 20;

    private static readonly Dictionary<string, TextRule> Texts = new(StringComparer.Ordinal)
    {
        ["name"] = PersonName,
        ["reason"] = FreeText,
        ["note"] = FreeText,
        ["signatories"] = FreeText,
        ["request_id"] = Identifier,
        ["application_id"] = Identifier,
        ["visit_id"] = Identifier,
        ["status_id"] = Identifier,
        ["closure_id"] = Identifier,
        ["prison_id"] = Identifier,
        ["prison_area"] = Identifier,
        ["venue_id"] = Identifier,
        ["terminal_id"] = Identifier,
        ["transferred_to"] = Identifier,
        ["page_token"] = Identifier,
        ["reason_code"] = Identifier,
        ["inmate_number"] = InmateNumber,
        ["id_number"] = ResidentIdNumber,
        ["phone"] = MobileNumber,
        ["date"] = Date,
        ["from"] = Date,
        ["to"] = Date,
        ["on"] = Date,
        ["last_day"] = Date,
        ["date_from"] = Date,
        ["date_to"] = Date,
        ["preferred_dates"] = Date,
        ["month"] = Month,
        ["visit_month"] = Month,
        ["start_time"] = TimeOfDay,
        ["end_time"] = TimeOfDay,
    };

    /// <summary>Lists of messages or texts; a list of enum values is capped by its enum's defined values instead.</summary>
    private static readonly Dictionary<string, int> ListCaps = new(StringComparer.Ordinal)
    {
        ["visitors"] = MaxVisitors,
        ["preferred_dates"] = MaxPreferredDates,
        ["inmates"] = Page.MaxSize,
        ["statuses"] = MaxStatusesPerInmate,
    };

    /// <summary>The rule of a text field by its proto name.</summary>
    public static TextRule TextRuleFor(string fieldName) => Texts.GetValueOrDefault(fieldName, FreeText);

    /// <summary>The most items a list of messages or texts may hold, by its proto name.</summary>
    public static int ListCapFor(string fieldName) => ListCaps.GetValueOrDefault(fieldName, DefaultListCap);
}
