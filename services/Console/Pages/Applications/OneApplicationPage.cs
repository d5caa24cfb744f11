using Grpc.Core;
using Visitation.Console.Calls;
using Visitation.Contracts.Grpc.Application;
using Visitation.Rules.ReferenceData;

namespace Visitation.Console.Pages.Applications;

/// <summary>
/// A page about one application of the clerk's office (its page, its receipt, its withdrawal). The
/// service answers another office's application exactly as an unknown one; so does this page: a
/// 404 with one Chinese sentence (<c>_ApplicationNotFound</c>) and nothing of the record.
/// </summary>
public abstract class OneApplicationPage(ServiceClients services, ReferenceDataSet reference) : ConsolePage
{
    public ApplicationView? Application { get; private set; }

    /// <summary>Whether the application is unknown to the clerk's office (or the address names none).</summary>
    public bool Missing { get; private set; }

    public ReferenceDataSet Reference => reference;

    /// <summary>Whether the application can still be withdrawn: it has no final outcome yet (the service decides again).</summary>
    public bool CanWithdraw => Application is { } application
        && (application.Status < ApplicationStatus.BureauRejected || application.SendBack is not null);

    /// <summary>Whether a reviewing stage waits for the office's material (退回补正): the page links to the resubmission.</summary>
    public bool CanResubmit => Application?.SendBack is not null;

    protected ServiceClients Services => services;

    /// <summary>Reads the application; an unknown one, another office's, or a malformed number make the page <see cref="Missing"/>.</summary>
    protected async Task<bool> LoadAsync(string id)
    {
        try
        {
            var applications = await services.ApplicationsAsync();
            Application = await applications.GetApplicationAsync(new GetApplicationRequest { ApplicationId = id }, cancellationToken: HttpContext.RequestAborted);
            return true;
        }
        catch (RpcException error) when (error.StatusCode is Grpc.Core.StatusCode.NotFound or Grpc.Core.StatusCode.InvalidArgument)
        {
            Missing = true;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return false;
        }
        catch (RpcException error)
        {
            Errors.Show(error);
            return false;
        }
    }
}
