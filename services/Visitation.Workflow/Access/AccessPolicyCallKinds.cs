using Visitation.Messaging.Tracing;

namespace Visitation.Workflow.Access;

/// <summary>The kinds of the calls as the <see cref="AccessPolicyTable"/> lists them: the one place a call is a read or a change.</summary>
public sealed class AccessPolicyCallKinds : ICallKinds
{
    public bool Changes(string fullMethodName) =>
        AccessPolicyTable.ByFullName.TryGetValue(fullMethodName, out var method) && method.Kind == RpcKind.Change;
}
