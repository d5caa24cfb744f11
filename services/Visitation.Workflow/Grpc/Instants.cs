using Google.Protobuf.WellKnownTypes;

namespace Visitation.Workflow.Grpc;

/// <summary>An instant on the wire: unset when it has not happened (docs/decisions/0006-typed-contracts.md).</summary>
public static class Instants
{
    /// <summary>
    /// To the microsecond, the precision PostgreSQL keeps: the clock's ticks are finer, so an instant
    /// answered just after it was set would otherwise differ from the same instant read back later.
    /// </summary>
    public static Timestamp Of(DateTimeOffset at) => Timestamp.FromDateTimeOffset(at.AddTicks(-(at.Ticks % TicksPerMicrosecond)));

    public static Timestamp? Of(DateTimeOffset? at) => at is { } value ? Of(value) : null;

    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;
}
