namespace Visitation.Messaging.Tests.Outbox;

/// <summary>An event a service commits to its outbox; the number tells the order it was committed in.</summary>
public sealed record PlanFiled(int Number);
