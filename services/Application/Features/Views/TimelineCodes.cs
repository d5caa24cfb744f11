using Visitation.Contracts.Grpc.Application;
using Visitation.Workflow.Grpc;

namespace Visitation.Application.Features.Views;

/// <summary>
/// A timeline step's stage and event as the API names them. They are stored in kebab-case
/// ("bureau-approved"), so the shared snake_case convention of <see cref="ProtoCodes"/> applies
/// after one substitution.
/// </summary>
public static class TimelineCodes
{
    public static TimelineStage Stage(string stored) => ProtoCodes.FromCode<TimelineStage>(stored.Replace('-', '_'));

    public static TimelineEvent Event(string stored) => ProtoCodes.FromCode<TimelineEvent>(stored.Replace('-', '_'));
}
