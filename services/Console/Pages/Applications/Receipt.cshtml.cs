using QRCoder;
using Visitation.Console.Calls;
using Visitation.Rules.ReferenceData;

namespace Visitation.Console.Pages.Applications;

/// <summary>
/// The receipt (受理回执) the family takes home: the application number, in figures and as a QR
/// code (scanned back at the counter or the venue), what was applied for, and what happens next.
/// </summary>
public sealed class ReceiptModel(ServiceClients services, ReferenceDataSet reference) : OneApplicationPage(services, reference)
{
    public string? QrCode { get; private set; }

    public async Task OnGetAsync(string id)
    {
        if (await LoadAsync(id))
        {
            QrCode = "data:image/png;base64," + Convert.ToBase64String(PngByteQRCodeHelper.GetQRCode(Application!.ApplicationId, QRCodeGenerator.ECCLevel.M, 6));
        }
    }
}
