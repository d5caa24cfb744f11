namespace Visitation.Rules.Slots;

/// <summary>A free slot with how many terminals of each end (the prison's, the venue's) are free for it, of how many.</summary>
public sealed record SlotCapacity(SlotChoice Slot, int PrisonFree, int PrisonTerminals, int VenueFree, int VenueTerminals);
