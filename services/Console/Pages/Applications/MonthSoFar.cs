using Visitation.Console.Forms;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.Application;

namespace Visitation.Console.Pages.Applications;

/// <summary>
/// The inmate's months so far as the office may know them: the office's own applications naming this
/// inmate at this prison, for the months the form offers. How often the prison let the inmate be visited
/// is the inmate's and the counter is not told it (the eligibility check's answer is neutral on the quota,
/// docs/eligibility-check.md); the prison judges the month's quota when it approves.
/// </summary>
public sealed record MonthSoFar(IReadOnlyList<ApplicationSummary> Applications)
{
    private const int Looked = 50;

    public IEnumerable<ApplicationSummary> In(string? month) => Applications.Where(application => application.VisitMonth == month);

    public static async Task<MonthSoFar> ReadAsync(ApplicationService.ApplicationServiceClient applications, InmateFields inmate, IReadOnlyList<string> months, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(applications);
        ArgumentNullException.ThrowIfNull(inmate);
        var name = inmate.Name?.Trim() ?? string.Empty;
        var reply = await applications.ListApplicationsAsync(
            new ListApplicationsRequest { Page = new PageRequest { PageSize = Looked }, Query = name }, cancellationToken: cancel);
        return new MonthSoFar(
        [
            .. reply.Applications.Where(application =>
                application.InmateName == name && application.PrisonId == inmate.PrisonId && months.Contains(application.VisitMonth)),
        ]);
    }
}
