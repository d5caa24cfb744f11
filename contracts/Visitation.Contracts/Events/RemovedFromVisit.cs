namespace Visitation.Contracts.Events;

/// <summary>One visitor of <see cref="VisitorsRemoved"/>: who by position and relation, why by code.</summary>
/// <param name="VisitorIndex">The visitor's position on the application, from 0.</param>
/// <param name="Relation">The relation code the application gave.</param>
/// <param name="Code">The removal's code (Rules <c>VisitorRemovals</c>, e.g. <c>barred</c>).</param>
public sealed record RemovedFromVisit(int VisitorIndex, string Relation, string Code);
