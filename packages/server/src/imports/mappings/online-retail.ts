import type { OrderCsvMapping } from '../order-csv-mapping.js';

// The country names of the UCI Online Retail data set (all 38 of the full file, not only the
// sample's 26). Regions without one ISO code map to "" = no country rather than a wrong one.
const COUNTRIES: Record<string, string> = {
  Australia: 'AU',
  Austria: 'AT',
  Bahrain: 'BH',
  Belgium: 'BE',
  Brazil: 'BR',
  Canada: 'CA',
  'Channel Islands': '',
  Cyprus: 'CY',
  'Czech Republic': 'CZ',
  Denmark: 'DK',
  EIRE: 'IE',
  'European Community': '',
  Finland: 'FI',
  France: 'FR',
  Germany: 'DE',
  Greece: 'GR',
  'Hong Kong': 'HK',
  Iceland: 'IS',
  Israel: 'IL',
  Italy: 'IT',
  Japan: 'JP',
  Lebanon: 'LB',
  Lithuania: 'LT',
  Malta: 'MT',
  Netherlands: 'NL',
  Norway: 'NO',
  Poland: 'PL',
  Portugal: 'PT',
  RSA: 'ZA',
  'Saudi Arabia': 'SA',
  Singapore: 'SG',
  Spain: 'ES',
  Sweden: 'SE',
  Switzerland: 'CH',
  'United Arab Emirates': 'AE',
  'United Kingdom': 'GB',
  Unspecified: '',
  USA: 'US',
};

/**
 * UCI Online Retail (a UK gift shop, 2010–2011): one row per invoice line. "C…" invoices are
 * credit notes with negative quantities: imported as cancelled orders with positive quantities,
 * marked `creditNote` (analytics counts their units as returned), and summed apart, so imported
 * sales − cancellations equals the file's Σ Quantity × UnitPrice. Lines keep the file's first,
 * unnamed column (the row number in the original file) as id, so two lines of one invoice with
 * the same StockCode stay two lines. The status of sales is left to the
 * server's default: the file does not say whether they were delivered.
 */
export const onlineRetailMapping: OrderCsvMapping = {
  name: 'online-retail',
  nullValues: ['', 'NA'],
  grouping: 'by-key',
  order: {
    key: { column: 'InvoiceNo' },
    placedAt: { column: 'InvoiceDate', format: 'M/d/yyyy H:mm', zone: 'Europe/London' },
    currency: { value: 'GBP' },
  },
  cancellation: { keyPrefix: 'C' },
  customer: {
    externalId: { column: 'CustomerID', prefix: 'uci-customer-' },
    country: { column: 'Country', map: COUNTRIES, unmapped: 'error' },
  },
  line: {
    externalId: { column: '', prefix: 'uci-row-' },
    sku: { column: 'StockCode' },
    title: { column: 'Description' },
    quantity: { column: 'Quantity' },
    unitPrice: { column: 'UnitPrice' },
  },
};
