using Visitation.Contracts.Grpc.IdentityAdmin;
using Visitation.Identity.Accounts;
using Visitation.Identity.Signing;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Workflow.Grpc;
using KeyState = Visitation.Contracts.Grpc.IdentityAdmin.SigningKeyState;

namespace Visitation.Identity.Administration.Keys;

/// <summary>The security administrator's keys: the folder's keys with their state (no key material), and the staging of the next one.</summary>
public sealed class SigningKeysHandler(SigningKeyAdministration keys, TimeProvider clock)
{
    private static readonly TimeSpan LongestValidity = TimeSpan.FromDays(730);

    public ListSigningKeysReply List()
    {
        var reply = new ListSigningKeysReply();
        reply.Keys.AddRange(keys.List().Select(ToView));
        return reply;
    }

    public async Task<StageSigningKeyReply> StageAsync(StageSigningKeyRequest request, Caller caller, CancellationToken ct)
    {
        var violations = new FieldViolations();
        // A start a little in the past is "now" said slowly; an older one would sign at once with a key nobody has fetched yet.
        if (request.NotBefore is null)
        {
            violations.Add("not_before", "必填");
        }
        else if (request.NotBefore.ToDateTimeOffset() < clock.GetUtcNow().AddMinutes(-5))
        {
            violations.Add("not_before", "不能早于现在", "NOT_BEFORE_IN_PAST");
        }

        if (request.ValidFor is null)
        {
            violations.Add("valid_for", "必填");
        }
        else if (request.ValidFor.ToTimeSpan() is var validFor && (validFor < TimeSpan.FromDays(1) || validFor > LongestValidity))
        {
            violations.Add("valid_for", "有效期应为1到730天", "VALIDITY_OUT_OF_RANGE");
        }

        violations.ThrowIfAny();
        var key = await keys.StageAsync(request.NotBefore!.ToDateTimeOffset(), request.ValidFor!.ToTimeSpan(), caller.AsAuditActor(), ct);
        return new StageSigningKeyReply { Key = ToView(key) };
    }

    private static SigningKeyView ToView(SigningKeyInfo key) => new()
    {
        KeyId = key.KeyId,
        NotBefore = Instants.Of(key.NotBefore),
        NotAfter = Instants.Of(key.NotAfter),
        State = key.State switch
        {
            Signing.SigningKeyState.Signing => KeyState.Signing,
            Signing.SigningKeyState.Published => KeyState.Published,
            Signing.SigningKeyState.Staged => KeyState.Staged,
            Signing.SigningKeyState.AwaitingRestart => KeyState.AwaitingRestart,
            _ => KeyState.Expired,
        },
    };
}
