// A comparison's table as its template sees it: treatments (rows) against criteria (columns).

public struct TableView: TemplateContext, Equatable {
    public struct Column: TemplateContext, Equatable {
        public var label: String

        public func templateValue(_ name: String) -> TemplateValue? { name == "label" ? .text(label) : nil }
    }

    public struct Row: TemplateContext, Equatable {
        public var name: String
        /// The treatment's article, when the row links one.
        public var url: String?
        public var cells: [Cell]

        public func templateValue(_ name: String) -> TemplateValue? {
            switch name {
            case "name": .text(self.name)
            case "url": url.map(TemplateValue.text)
            case "cells": .list(of: cells)
            default: nil
            }
        }
    }

    /// One cell: HTML, a list of HTML items, or not known. Exactly one of the three is set.
    public struct Cell: TemplateContext, Equatable {
        public struct Items: TemplateContext, Equatable {
            public var items: [Item]

            public func templateValue(_ name: String) -> TemplateValue? { name == "items" ? .list(of: items) : nil }
        }

        public struct Item: TemplateContext, Equatable {
            public var html: String

            public func templateValue(_ name: String) -> TemplateValue? { name == "html" ? .text(html) : nil }
        }

        /// The criterion's name, for small screens where the cell shows its own label.
        public var label: String
        public var html: String?
        public var list: Items?
        public var unknown: Bool

        public func templateValue(_ name: String) -> TemplateValue? {
            switch name {
            case "label": .text(label)
            case "html": html.map(TemplateValue.text)
            case "list": list.map(TemplateValue.view)
            case "unknown": .flag(unknown)
            default: nil
            }
        }
    }

    public var caption: String
    public var columns: [Column]
    public var rows: [Row]

    public func templateValue(_ name: String) -> TemplateValue? {
        switch name {
        case "caption": .text(caption)
        case "columns": .list(of: columns)
        case "rows": .list(of: rows)
        default: nil
        }
    }
}
