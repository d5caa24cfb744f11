namespace Visitation.ErrorQueue;

/// <summary>
/// A message in an <c>_error</c> queue, with the fault MassTransit recorded when it gave up.
/// <see cref="Body"/> is the whole envelope, for choosing what to replay; it may hold personal
/// data, so the command never prints it.
/// </summary>
public sealed record FaultedMessage(string Queue, string MessageId, string MessageType, string ExceptionType, string FaultMessage, string FaultedAt, string Body);

public sealed record ErrorQueueSummary(string Name, long Messages);
