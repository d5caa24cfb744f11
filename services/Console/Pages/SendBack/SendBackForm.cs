using Google.Protobuf.Collections;
using Visitation.Contracts.Grpc;
using Visitation.Workflow.Grpc;

namespace Visitation.Console.Pages.SendBack;

/// <summary>
/// The reviewer's or officer's send-back (退回补正, docs/send-back.md): the coded items the family must
/// bring (the SMS names only these) and a note for the office's staff. One form for both stages.
/// </summary>
public sealed class SendBackForm
{
    /// <summary>The items' codes as the checkboxes post them (e.g. <c>household_register</c>).</summary>
    public List<string> Missing { get; set; } = [];

    public string? Note { get; set; }

    /// <summary>The items for the request; a code the contract does not know is sent as unspecified, and the service names it.</summary>
    public void CopyTo(RepeatedField<MissingMaterial> missing)
    {
        ArgumentNullException.ThrowIfNull(missing);
        missing.AddRange(Missing.Select(ProtoCodes.FromCode<MissingMaterial>));
    }

    public string TrimmedNote => Note?.Trim() ?? string.Empty;
}
