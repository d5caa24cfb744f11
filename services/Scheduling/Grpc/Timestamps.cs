using Google.Protobuf.WellKnownTypes;

namespace Visitation.Scheduling.Grpc;

/// <summary>An instant on the wire: unset when it has not happened (docs/decisions/0006-typed-contracts.md).</summary>
public static class Timestamps
{
    /// <summary>
    /// To the whole second, as the API always gave its instants: the clock's ticks are finer than the
    /// database keeps, so an instant answered just after it was set would otherwise differ from the
    /// same instant read back later.
    /// </summary>
    public static Timestamp? Of(DateTimeOffset? at) =>
        at is { } value ? Timestamp.FromDateTimeOffset(value.AddTicks(-(value.Ticks % TimeSpan.TicksPerSecond))) : null;
}
