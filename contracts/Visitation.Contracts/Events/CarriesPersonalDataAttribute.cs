namespace Visitation.Contracts.Events;

/// <summary>
/// An event whose body holds personal data (a name, a masked or keyed ID number, a phone): once the
/// outbox has published it (or a delayed redelivery of it has been sent), the stored body is
/// cleared, so a sent row keeps no personal data for the days it is kept (docs/data-minimisation.md).
/// The messaging library recognises it by name, since it references no contract assembly.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CarriesPersonalDataAttribute : Attribute;
