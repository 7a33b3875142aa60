// Words too common to help a search, in English and in Spanish; search-text.js and search-spanish.js carry the same lists.

enum StopWords {
    /// Function words only: no word here names a symptom, a body part or a treatment, so dropping
    /// them never hides a page (`can i take ldn with opioids` searches for `take ldn opioids`).
    static let english: Set<String> = [
        "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "aren't", "as",
        "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "can't",
        "cannot", "could", "couldn't", "did", "didn't", "do", "does", "doesn't", "doing", "don't", "down", "during",
        "each", "few", "for", "from", "further", "had", "hadn't", "has", "hasn't", "have", "haven't", "having", "he",
        "he'd", "he'll", "he's", "her", "here", "here's", "hers", "herself", "him", "himself", "his", "how", "how's",
        "i", "i'd", "i'll", "i'm", "i've", "if", "in", "into", "is", "isn't", "it", "it's", "its", "itself", "let's",
        "me", "more", "most", "my", "myself", "no", "nor", "not", "of", "off", "on", "once", "only", "or", "other",
        "ought", "our", "ours", "ourselves", "out", "over", "own", "same", "shan't", "she", "she'd", "she'll",
        "she's", "should", "shouldn't", "so", "some", "such", "than", "that", "that's", "the", "their", "theirs",
        "them", "themselves", "then", "there", "there's", "these", "they", "they'd", "they'll", "they're",
        "they've", "this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "wasn't", "we",
        "we'd", "we'll", "we're", "we've", "were", "weren't", "what", "what's", "when", "when's", "where",
        "where's", "which", "while", "who", "who's", "whom", "why", "why's", "will", "with", "won't", "would",
        "wouldn't", "you", "you'd", "you'll", "you're", "you've", "your", "yours", "yourself", "yourselves",
    ]

    /// Spanish function words, folded as search folds them (`él` is `el`, `está` is `esta`): articles, prepositions,
    /// pronouns and possessives, conjunctions, question words, and the common forms of ser, estar and haber.
    /// Words that are also content are left out: `bajo` (low), `seria` (serious), `estado` (state), `uno` (one).
    static let spanish: Set<String> = [
        // Articles and contractions.
        "el", "la", "los", "las", "lo", "un", "una", "unos", "unas", "al", "del",
        // Prepositions.
        "a", "ante", "con", "contra", "de", "desde", "durante", "en", "entre", "hacia", "hasta", "mediante", "para",
        "por", "segun", "sin", "sobre", "tras",
        // Pronouns and possessives.
        "yo", "tu", "ti", "mi", "me", "te", "se", "si", "nos", "os", "le", "les", "vos", "usted", "ustedes", "ella",
        "ellas", "ello", "ellos", "nosotros", "nosotras", "vosotros", "vosotras", "conmigo", "contigo", "consigo",
        "mis", "tus", "su", "sus", "nuestro", "nuestra", "nuestros", "nuestras", "vuestro", "vuestra", "vuestros",
        "vuestras", "suyo", "suya", "suyos", "suyas", "mio", "mia", "mios", "mias", "tuyo", "tuya", "tuyos", "tuyas",
        "este", "esta", "estos", "estas", "ese", "esa", "esos", "esas", "aquel", "aquella", "aquellos", "aquellas",
        "esto", "eso", "aquello", "otro", "otra", "otros", "otras", "mismo", "misma", "mismos", "mismas", "cada",
        "algun", "alguno", "alguna", "algunos", "algunas", "todo", "toda", "todos", "todas",
        // Conjunctions and question words.
        "y", "e", "o", "u", "ni", "pero", "sino", "aunque", "porque", "pues", "que", "quien", "quienes", "cual",
        "cuales", "cuyo", "cuya", "cuando", "donde", "como", "cuanto", "cuanta", "cuantos", "cuantas", "mas", "muy",
        "no", "tan", "tanto",
        // Ser.
        "ser", "soy", "eres", "es", "somos", "sois", "son", "era", "eras", "eramos", "erais", "eran", "fui", "fuiste",
        "fue", "fuimos", "fueron", "sido", "siendo", "sea", "seas", "seamos", "sean", "sera", "seran",
        // Estar (`esta`, `estas`, `este` are above).
        "estar", "estoy", "estamos", "estan", "estaba", "estaban", "estuvo", "esten", "estando",
        // Haber.
        "haber", "he", "has", "ha", "hemos", "han", "hay", "habia", "habian", "habido", "hubo", "haya", "hayan",
        "habra", "habria", "habiendo",
    ]
}
