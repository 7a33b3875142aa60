// Binary search over a sorted array, shared by the content scan and the search index's updates.

extension RandomAccessCollection where Index == Int {
    /// The first index whose element is not `below`, for a collection where every element that is comes first
    /// (a sorted list, with `below` meaning "sorts before the one sought"): where that one is or would go.
    func partitionPoint(_ below: (Element) -> Bool) -> Int {
        var (low, high) = (startIndex, endIndex)
        while low < high {
            let middle = (low + high) / 2
            if below(self[middle]) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
