// Two whole stacks would compete for 2 cores: collections (the stack and the scaled-out stack) run one after the other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
