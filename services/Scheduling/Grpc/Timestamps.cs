using Google.Protobuf.WellKnownTypes;

namespace Visitation.Scheduling.Grpc;

/// <summary>An instant on the wire: unset when it has not happened (docs/decisions/0006-typed-contracts.md).</summary>
public static class Timestamps
{
    public static Timestamp? Of(DateTimeOffset? at) => at is { } value ? Timestamp.FromDateTimeOffset(value) : null;
}
