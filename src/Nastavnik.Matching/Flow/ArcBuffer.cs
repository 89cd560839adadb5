namespace Nastavnik.Matching.Flow;

/// <summary>Growable structure-of-arrays arc list; Need/Offer tag the arcs that decode to contracts (−1 otherwise).</summary>
internal sealed class ArcBuffer(int initialCapacity = 256)
{
    public int[] Source = new int[initialCapacity], Target = new int[initialCapacity], Capacity = new int[initialCapacity];
    public int[] Need = new int[initialCapacity], Offer = new int[initialCapacity];
    public long[] Cost = new long[initialCapacity];
    public int Count;

    public int Add(int source, int target, int capacity, long cost, int need = -1, int offer = -1)
    {
        if (Count == Source.Length) Grow();
        Source[Count] = source; Target[Count] = target; Capacity[Count] = capacity; Cost[Count] = cost;
        Need[Count] = need; Offer[Count] = offer;
        return Count++;
    }

    private void Grow()
    {
        int size = Source.Length * 2;
        Array.Resize(ref Source, size); Array.Resize(ref Target, size); Array.Resize(ref Capacity, size);
        Array.Resize(ref Need, size); Array.Resize(ref Offer, size); Array.Resize(ref Cost, size);
    }
}
