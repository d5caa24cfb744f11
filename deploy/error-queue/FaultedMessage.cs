namespace Visitation.ErrorQueue;

/// <summary>A message in an <c>_error</c> queue, with the fault MassTransit recorded when it gave up.</summary>
public sealed record FaultedMessage(string Queue, string MessageId, string MessageType, string ExceptionType, string FaultMessage, string FaultedAt);

public sealed record ErrorQueueSummary(string Name, long Messages);
