namespace Visitation.Notification.Data;

/// <summary>Who to tell about an application, and the facts every SMS about it names.</summary>
public sealed class Recipient
{
    public Guid ApplicationId { get; set; }
    public string ContactName { get; set; } = string.Empty;
    public string Phone { get; set; } = string.Empty;
    public string InmateName { get; set; } = string.Empty;
    public string VisitMonth { get; set; } = string.Empty;
    public string OfficeId { get; set; } = string.Empty;
    public string CountyId { get; set; } = string.Empty;
    public string PrisonId { get; set; } = string.Empty;

    /// <summary>Retention (docs/retention.md): the contact's name and phone and the inmate's name go; the places and month stay.</summary>
    public void Anonymise()
    {
        ContactName = string.Empty;
        Phone = string.Empty;
        InmateName = string.Empty;
    }
}
