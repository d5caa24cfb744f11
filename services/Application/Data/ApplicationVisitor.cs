using Visitation.Rules.Identity;

namespace Visitation.Application.Data;

/// <summary>A visitor's personal data; only this service stores the phone number in full.</summary>
public sealed class ApplicationVisitor
{
    public int Ordinal { get; set; }
    public string Name { get; set; } = string.Empty;
    public string IdNumber { get; set; } = string.Empty;
    public string Phone { get; set; } = string.Empty;
    public string Relation { get; set; } = string.Empty;
    public DateOnly BirthDate { get; set; }
    public bool IsContact { get; set; }
    public bool IsGuardian { get; set; }
    public List<string> Documents { get; set; } = [];

    /// <summary>
    /// The visit centre approved the visit without this visitor (<c>VisitorsRemoved</c>): the visit's no-show was not
    /// theirs (docs/visitor-refusal-and-no-shows.md).
    /// </summary>
    public bool RemovedFromVisit { get; set; }

    /// <summary>
    /// Retention: name and numbers go (blank, stored in clear: nothing is left to encrypt); the birth
    /// date becomes the day of submission less the visitor's age then, so the age the application
    /// was judged on stays exact and the day of birth is gone.
    /// </summary>
    public void Anonymise(DateOnly submittedOn)
    {
        var age = ResidentIdNumber.AgeOn(BirthDate, submittedOn);
        Name = string.Empty;
        IdNumber = string.Empty;
        Phone = string.Empty;
        BirthDate = submittedOn.AddYears(-age);
    }
}
