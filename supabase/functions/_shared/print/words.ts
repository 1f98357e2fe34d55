/** The fixed words printed on tickets, in the restaurant's language (its locale's first subtag). */
export interface Words {
  order: string;
  table: string;
  takeaway: string;
  station: string;
  round: string;
  note: string;
  reprint: string;
  cancelled: string;
  reason: string;
  subtotal: string;
  discount: string;
  tax: string;
  taxIncluded: string;
  total: string;
  tendered: string;
  change: string;
  tip: string;
  refund: string;
  methods: Record<'cash' | 'card' | 'mobile_money' | 'other', string>;
  testPage: string;
  printer: string;
  charsPerLine: string;
  stations: string;
  accents: string;
}

const en: Words = {
  order: 'Order',
  table: 'Table',
  takeaway: 'Takeaway',
  station: 'Station',
  round: 'Round',
  note: 'Note',
  reprint: 'COPY',
  cancelled: 'CANCELLED',
  reason: 'Reason',
  subtotal: 'Subtotal',
  discount: 'Discount',
  tax: 'Tax',
  taxIncluded: 'Tax included',
  total: 'Total',
  tendered: 'Tendered',
  change: 'Change',
  tip: 'Tip',
  refund: 'Refund',
  methods: { cash: 'Cash', card: 'Card', mobile_money: 'Mobile money', other: 'Other' },
  testPage: 'Test page',
  printer: 'Printer',
  charsPerLine: 'Characters per line',
  stations: 'Stations',
  accents: 'Accents',
};

const fr: Words = {
  order: 'Commande',
  table: 'Table',
  takeaway: 'À emporter',
  station: 'Poste',
  round: 'Suite',
  note: 'Note',
  reprint: 'COPIE',
  cancelled: 'ANNULÉE',
  reason: 'Motif',
  subtotal: 'Sous-total',
  discount: 'Remise',
  tax: 'Taxes',
  taxIncluded: 'Taxes incluses',
  total: 'Total',
  tendered: 'Reçu',
  change: 'Monnaie rendue',
  tip: 'Pourboire',
  refund: 'Remboursement',
  methods: { cash: 'Espèces', card: 'Carte', mobile_money: 'Mobile money', other: 'Autre' },
  testPage: 'Page de test',
  printer: 'Imprimante',
  charsPerLine: 'Caractères par ligne',
  stations: 'Postes',
  accents: 'Accents',
};

const es: Words = {
  order: 'Pedido',
  table: 'Mesa',
  takeaway: 'Para llevar',
  station: 'Estación',
  round: 'Ronda',
  note: 'Nota',
  reprint: 'COPIA',
  cancelled: 'CANCELADO',
  reason: 'Motivo',
  subtotal: 'Subtotal',
  discount: 'Descuento',
  tax: 'Impuestos',
  taxIncluded: 'Impuestos incluidos',
  total: 'Total',
  tendered: 'Recibido',
  change: 'Cambio',
  tip: 'Propina',
  refund: 'Reembolso',
  methods: { cash: 'Efectivo', card: 'Tarjeta', mobile_money: 'Dinero móvil', other: 'Otro' },
  testPage: 'Página de prueba',
  printer: 'Impresora',
  charsPerLine: 'Caracteres por línea',
  stations: 'Estaciones',
  accents: 'Acentos',
};

const id: Words = {
  order: 'Pesanan',
  table: 'Meja',
  takeaway: 'Bawa pulang',
  station: 'Stasiun',
  round: 'Putaran',
  note: 'Catatan',
  reprint: 'SALINAN',
  cancelled: 'DIBATALKAN',
  reason: 'Alasan',
  subtotal: 'Subtotal',
  discount: 'Diskon',
  tax: 'Pajak',
  taxIncluded: 'Termasuk pajak',
  total: 'Total',
  tendered: 'Diterima',
  change: 'Kembalian',
  tip: 'Tip',
  refund: 'Pengembalian',
  methods: { cash: 'Tunai', card: 'Kartu', mobile_money: 'Uang elektronik', other: 'Lainnya' },
  testPage: 'Halaman uji',
  printer: 'Printer',
  charsPerLine: 'Karakter per baris',
  stations: 'Stasiun',
  accents: 'Aksen',
};

const TABLE: Record<string, Words> = { en, fr, es, id };

/** The words for a locale ('fr-SN' → French); English for a language the table lacks. */
export function wordsFor(locale: string): Words {
  return TABLE[(locale || 'en').split('-')[0]?.toLowerCase() ?? 'en'] ?? en;
}
