using QRCoder;
using Visitation.Console.Calls;
using Visitation.Contracts.Grpc.Application;
using Visitation.Rules.ReferenceData;

namespace Visitation.Console.Pages.Applications;

/// <summary>
/// The receipt (受理回执) the family takes home: the application number, in figures and as a QR
/// code (scanned back at the counter or the venue), what was applied for, and what happens next.
/// </summary>
public sealed class ReceiptModel(ServiceClients services, ReferenceDataSet reference) : ConsolePage
{
    public ApplicationView? Application { get; private set; }

    public string? QrCode { get; private set; }

    public ReferenceDataSet Reference => reference;

    public async Task OnGetAsync(string id) =>
        await TryCallAsync(async cancel =>
        {
            var applications = await services.ApplicationsAsync();
            Application = await applications.GetApplicationAsync(new GetApplicationRequest { ApplicationId = id }, cancellationToken: cancel);
            QrCode = "data:image/png;base64," + Convert.ToBase64String(PngByteQRCodeHelper.GetQRCode(Application.ApplicationId, QRCodeGenerator.ECCLevel.M, 6));
        });
}
