using Visitation.Contracts.Grpc;
using Visitation.ServiceDefaults.Grpc;

namespace Visitation.Workflow.Grpc;

public static class PageRequests
{
    /// <summary>The page a list call asks for (absent: the first page of the default size).</summary>
    public static Page ToPage(this PageRequest? request) => Page.From(request?.PageSize ?? 0, request?.PageToken);
}
