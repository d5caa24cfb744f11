namespace Visitation.Notification.Data;

/// <summary>
/// Who to tell about an application, and the facts every SMS about it names. No names: no SMS uses
/// the contact's or the inmate's (docs/sms-content.md, docs/data-minimisation.md).
/// </summary>
public sealed class Recipient
{
    public Guid ApplicationId { get; set; }
    public string Phone { get; set; } = string.Empty;
    public string VisitMonth { get; set; } = string.Empty;
    public string OfficeId { get; set; } = string.Empty;
    public string CountyId { get; set; } = string.Empty;
    public string PrisonId { get; set; } = string.Empty;

    /// <summary>Retention (docs/retention.md): the phone goes; the places and month stay.</summary>
    public void Anonymise() => Phone = string.Empty;
}
