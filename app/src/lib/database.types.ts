
export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[]

export type Database = {
  
  "public": {
          Tables: {
            "bridge_pairings": {
                  Row: {
                    "claimed_at": string | null,"claimed_by": string | null,"code_hash": string,"created_at": string,"created_by": string | null,"expires_at": string,"id": string,"label": string,"restaurant_id": string,"revoked_at": string | null
                  }
                  ComputedFields: never
                  Insert: {
                    "claimed_at"?: string | null,"claimed_by"?: string | null,"code_hash": string,"created_at"?: string,"created_by"?: string | null,"expires_at": string,"id"?: string,"label": string,"restaurant_id": string,"revoked_at"?: string | null
                  }
                  Update: {
                    "claimed_at"?: string | null,"claimed_by"?: string | null,"code_hash"?: string,"created_at"?: string,"created_by"?: string | null,"expires_at"?: string,"id"?: string,"label"?: string,"restaurant_id"?: string,"revoked_at"?: string | null
                  }
                  Relationships: [
                    {
      foreignKeyName: "bridge_pairings_restaurant_id_fkey"
      columns: ["restaurant_id"]
isOneToOne: false
      referencedRelation: "restaurants"
      referencedColumns: ["id"]
    }
                  ]
                },"cash_movements": {
                  Row: {
                    "amount": number,"created_at": string,"created_by": string | null,"id": string,"kind": Database["public"]['Enums']["cash_movement_kind"],"reason": string,"restaurant_id": string,"shift_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "amount": number,"created_at"?: string,"created_by"?: string | null,"id": string,"kind": Database["public"]['Enums']["cash_movement_kind"],"reason": string,"restaurant_id": string,"shift_id": string
                  }
                  Update: {
                    "amount"?: number,"created_at"?: string,"created_by"?: string | null,"id"?: string,"kind"?: Database["public"]['Enums']["cash_movement_kind"],"reason"?: string,"restaurant_id"?: string,"shift_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "cash_movements_restaurant_id_shift_id_fkey"
      columns: ["restaurant_id","shift_id"]
isOneToOne: false
      referencedRelation: "shifts"
      referencedColumns: ["restaurant_id","id"]
    }
                  ]
                },"currencies": {
                  Row: {
                    "code": string,"exponent": number,"name": string
                  }
                  ComputedFields: never
                  Insert: {
                    "code": string,"exponent": number,"name": string
                  }
                  Update: {
                    "code"?: string,"exponent"?: number,"name"?: string
                  }
                  Relationships: [
                    
                  ]
                },"dining_tables": {
                  Row: {
                    "active": boolean,"created_at": string,"id": string,"label": string,"position": number,"qr_rotated_at": string,"qr_token": string,"restaurant_id": string,"seats": number
                  }
                  ComputedFields: never
                  Insert: {
                    "active"?: boolean,"created_at"?: string,"id"?: string,"label": string,"position"?: number,"qr_rotated_at"?: string,"qr_token"?: string,"restaurant_id": string,"seats"?: number
                  }
                  Update: {
                    "active"?: boolean,"created_at"?: string,"id"?: string,"label"?: string,"position"?: number,"qr_rotated_at"?: string,"qr_token"?: string,"restaurant_id"?: string,"seats"?: number
                  }
                  Relationships: [
                    {
      foreignKeyName: "dining_tables_restaurant_id_fkey"
      columns: ["restaurant_id"]
isOneToOne: false
      referencedRelation: "restaurants"
      referencedColumns: ["id"]
    }
                  ]
                },"guest_visits": {
                  Row: {
                    "first_seen_at": string,"id": string,"last_seen_at": string,"qr_rotated_at": string,"restaurant_id": string,"table_id": string,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "first_seen_at"?: string,"id"?: string,"last_seen_at"?: string,"qr_rotated_at": string,"restaurant_id": string,"table_id": string,"user_id": string
                  }
                  Update: {
                    "first_seen_at"?: string,"id"?: string,"last_seen_at"?: string,"qr_rotated_at"?: string,"restaurant_id"?: string,"table_id"?: string,"user_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "guest_visits_restaurant_id_fkey"
      columns: ["restaurant_id"]
isOneToOne: false
      referencedRelation: "restaurants"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "guest_visits_restaurant_id_table_id_fkey"
      columns: ["restaurant_id","table_id"]
isOneToOne: false
      referencedRelation: "dining_tables"
      referencedColumns: ["restaurant_id","id"]
    }
                  ]
                },"invites": {
                  Row: {
                    "accepted_at": string | null,"accepted_by": string | null,"code": string,"created_at": string,"created_by": string | null,"expires_at": string,"id": string,"restaurant_id": string,"revoked_at": string | null,"role": Database["public"]['Enums']["member_role"]
                  }
                  ComputedFields: never
                  Insert: {
                    "accepted_at"?: string | null,"accepted_by"?: string | null,"code": string,"created_at"?: string,"created_by"?: string | null,"expires_at": string,"id"?: string,"restaurant_id": string,"revoked_at"?: string | null,"role": Database["public"]['Enums']["member_role"]
                  }
                  Update: {
                    "accepted_at"?: string | null,"accepted_by"?: string | null,"code"?: string,"created_at"?: string,"created_by"?: string | null,"expires_at"?: string,"id"?: string,"restaurant_id"?: string,"revoked_at"?: string | null,"role"?: Database["public"]['Enums']["member_role"]
                  }
                  Relationships: [
                    {
      foreignKeyName: "invites_restaurant_id_fkey"
      columns: ["restaurant_id"]
isOneToOne: false
      referencedRelation: "restaurants"
      referencedColumns: ["id"]
    }
                  ]
                },"kiosks": {
                  Row: {
                    "claimed_at": string | null,"claimed_by": string | null,"code_hash": string,"created_at": string,"created_by": string | null,"device_code": string | null,"expires_at": string,"id": string,"idle_reset_seconds": number,"label": string,"max_items": number,"max_lines": number,"mode": Database["public"]['Enums']["kiosk_mode"],"restaurant_id": string,"revoked_at": string | null,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "claimed_at"?: string | null,"claimed_by"?: string | null,"code_hash": string,"created_at"?: string,"created_by"?: string | null,"device_code"?: string | null,"expires_at": string,"id"?: string,"idle_reset_seconds"?: number,"label": string,"max_items"?: number,"max_lines"?: number,"mode"?: Database["public"]['Enums']["kiosk_mode"],"restaurant_id": string,"revoked_at"?: string | null,"updated_at"?: string
                  }
                  Update: {
                    "claimed_at"?: string | null,"claimed_by"?: string | null,"code_hash"?: string,"created_at"?: string,"created_by"?: string | null,"device_code"?: string | null,"expires_at"?: string,"id"?: string,"idle_reset_seconds"?: number,"label"?: string,"max_items"?: number,"max_lines"?: number,"mode"?: Database["public"]['Enums']["kiosk_mode"],"restaurant_id"?: string,"revoked_at"?: string | null,"updated_at"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "kiosks_restaurant_id_fkey"
      columns: ["restaurant_id"]
isOneToOne: false
      referencedRelation: "restaurants"
      referencedColumns: ["id"]
    }
                  ]
                },"memberships": {
                  Row: {
                    "created_at": string,"display_name": string | null,"restaurant_id": string,"role": Database["public"]['Enums']["member_role"],"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"display_name"?: string | null,"restaurant_id": string,"role": Database["public"]['Enums']["member_role"],"user_id": string
                  }
                  Update: {
                    "created_at"?: string,"display_name"?: string | null,"restaurant_id"?: string,"role"?: Database["public"]['Enums']["member_role"],"user_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "memberships_restaurant_id_fkey"
      columns: ["restaurant_id"]
isOneToOne: false
      referencedRelation: "restaurants"
      referencedColumns: ["id"]
    }
                  ]
                },"menu_categories": {
                  Row: {
                    "created_at": string,"id": string,"name": string,"position": number,"restaurant_id": string,"updated_at": string,"version": number
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"id"?: string,"name": string,"position"?: number,"restaurant_id": string,"updated_at"?: string,"version"?: number
                  }
                  Update: {
                    "created_at"?: string,"id"?: string,"name"?: string,"position"?: number,"restaurant_id"?: string,"updated_at"?: string,"version"?: number
                  }
                  Relationships: [
                    {
      foreignKeyName: "menu_categories_restaurant_id_fkey"
      columns: ["restaurant_id"]
isOneToOne: false
      referencedRelation: "restaurants"
      referencedColumns: ["id"]
    }
                  ]
                },"menu_item_modifier_groups": {
                  Row: {
                    "group_id": string,"item_id": string,"position": number,"restaurant_id": string,"version": number
                  }
                  ComputedFields: never
                  Insert: {
                    "group_id": string,"item_id": string,"position"?: number,"restaurant_id": string,"version"?: number
                  }
                  Update: {
                    "group_id"?: string,"item_id"?: string,"position"?: number,"restaurant_id"?: string,"version"?: number
                  }
                  Relationships: [
                    {
      foreignKeyName: "menu_item_modifier_groups_restaurant_id_fkey"
      columns: ["restaurant_id"]
isOneToOne: false
      referencedRelation: "restaurants"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "menu_item_modifier_groups_restaurant_id_group_id_fkey"
      columns: ["restaurant_id","group_id"]
isOneToOne: false
      referencedRelation: "modifier_groups"
      referencedColumns: ["restaurant_id","id"]
    },{
      foreignKeyName: "menu_item_modifier_groups_restaurant_id_item_id_fkey"
      columns: ["restaurant_id","item_id"]
isOneToOne: false
      referencedRelation: "menu_items"
      referencedColumns: ["restaurant_id","id"]
    }
                  ]
                },"menu_items": {
                  Row: {
                    "available": boolean,"category_id": string | null,"created_at": string,"description": string,"id": string,"image_path": string | null,"name": string,"position": number,"price": number,"restaurant_id": string,"station": string,"updated_at": string,"version": number
                  }
                  ComputedFields: never
                  Insert: {
                    "available"?: boolean,"category_id"?: string | null,"created_at"?: string,"description"?: string,"id"?: string,"image_path"?: string | null,"name": string,"position"?: number,"price": number,"restaurant_id": string,"station"?: string,"updated_at"?: string,"version"?: number
                  }
                  Update: {
                    "available"?: boolean,"category_id"?: string | null,"created_at"?: string,"description"?: string,"id"?: string,"image_path"?: string | null,"name"?: string,"position"?: number,"price"?: number,"restaurant_id"?: string,"station"?: string,"updated_at"?: string,"version"?: number
                  }
                  Relationships: [
                    {
      foreignKeyName: "menu_items_restaurant_id_category_id_fkey"
      columns: ["restaurant_id","category_id"]
isOneToOne: false
      referencedRelation: "menu_categories"
      referencedColumns: ["restaurant_id","id"]
    },{
      foreignKeyName: "menu_items_restaurant_id_fkey"
      columns: ["restaurant_id"]
isOneToOne: false
      referencedRelation: "restaurants"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "menu_items_station_fkey"
      columns: ["restaurant_id","station"]
isOneToOne: false
      referencedRelation: "stations"
      referencedColumns: ["restaurant_id","name"]
    }
                  ]
                },"menu_price_history": {
                  Row: {
                    "entity": string,"entity_id": string,"price": number,"restaurant_id": string,"valid_from": number,"valid_to": number | null
                  }
                  ComputedFields: never
                  Insert: {
                    "entity": string,"entity_id": string,"price": number,"restaurant_id": string,"valid_from": number,"valid_to"?: number | null
                  }
                  Update: {
                    "entity"?: string,"entity_id"?: string,"price"?: number,"restaurant_id"?: string,"valid_from"?: number,"valid_to"?: number | null
                  }
                  Relationships: [
                    {
      foreignKeyName: "menu_price_history_restaurant_id_fkey"
      columns: ["restaurant_id"]
isOneToOne: false
      referencedRelation: "restaurants"
      referencedColumns: ["id"]
    }
                  ]
                },"menu_tombstones": {
                  Row: {
                    "deleted_at": string,"entity": string,"entity_id": string,"restaurant_id": string,"version": number
                  }
                  ComputedFields: never
                  Insert: {
                    "deleted_at"?: string,"entity": string,"entity_id": string,"restaurant_id": string,"version": number
                  }
                  Update: {
                    "deleted_at"?: string,"entity"?: string,"entity_id"?: string,"restaurant_id"?: string,"version"?: number
                  }
                  Relationships: [
                    {
      foreignKeyName: "menu_tombstones_restaurant_id_fkey"
      columns: ["restaurant_id"]
isOneToOne: false
      referencedRelation: "restaurants"
      referencedColumns: ["id"]
    }
                  ]
                },"menu_translations": {
                  Row: {
                    "description": string | null,"entity": string,"entity_id": string,"locale": string,"name": string,"restaurant_id": string,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "description"?: string | null,"entity": string,"entity_id": string,"locale": string,"name": string,"restaurant_id": string,"updated_at"?: string
                  }
                  Update: {
                    "description"?: string | null,"entity"?: string,"entity_id"?: string,"locale"?: string,"name"?: string,"restaurant_id"?: string,"updated_at"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "menu_translations_restaurant_id_fkey"
      columns: ["restaurant_id"]
isOneToOne: false
      referencedRelation: "restaurants"
      referencedColumns: ["id"]
    }
                  ]
                },"modifier_groups": {
                  Row: {
                    "created_at": string,"id": string,"max_select": number,"min_select": number,"name": string,"position": number,"restaurant_id": string,"updated_at": string,"version": number
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"id"?: string,"max_select"?: number,"min_select"?: number,"name": string,"position"?: number,"restaurant_id": string,"updated_at"?: string,"version"?: number
                  }
                  Update: {
                    "created_at"?: string,"id"?: string,"max_select"?: number,"min_select"?: number,"name"?: string,"position"?: number,"restaurant_id"?: string,"updated_at"?: string,"version"?: number
                  }
                  Relationships: [
                    {
      foreignKeyName: "modifier_groups_restaurant_id_fkey"
      columns: ["restaurant_id"]
isOneToOne: false
      referencedRelation: "restaurants"
      referencedColumns: ["id"]
    }
                  ]
                },"modifier_options": {
                  Row: {
                    "available": boolean,"created_at": string,"group_id": string,"id": string,"name": string,"position": number,"price_delta": number,"restaurant_id": string,"updated_at": string,"version": number
                  }
                  ComputedFields: never
                  Insert: {
                    "available"?: boolean,"created_at"?: string,"group_id": string,"id"?: string,"name": string,"position"?: number,"price_delta"?: number,"restaurant_id": string,"updated_at"?: string,"version"?: number
                  }
                  Update: {
                    "available"?: boolean,"created_at"?: string,"group_id"?: string,"id"?: string,"name"?: string,"position"?: number,"price_delta"?: number,"restaurant_id"?: string,"updated_at"?: string,"version"?: number
                  }
                  Relationships: [
                    {
      foreignKeyName: "modifier_options_restaurant_id_fkey"
      columns: ["restaurant_id"]
isOneToOne: false
      referencedRelation: "restaurants"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "modifier_options_restaurant_id_group_id_fkey"
      columns: ["restaurant_id","group_id"]
isOneToOne: false
      referencedRelation: "modifier_groups"
      referencedColumns: ["restaurant_id","id"]
    }
                  ]
                },"order_counters": {
                  Row: {
                    "business_date": string,"last_number": number,"restaurant_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "business_date": string,"last_number": number,"restaurant_id": string
                  }
                  Update: {
                    "business_date"?: string,"last_number"?: number,"restaurant_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "order_counters_restaurant_id_fkey"
      columns: ["restaurant_id"]
isOneToOne: false
      referencedRelation: "restaurants"
      referencedColumns: ["id"]
    }
                  ]
                },"order_discounts": {
                  Row: {
                    "amount": number,"created_at": string,"created_by": string | null,"id": string,"kind": Database["public"]['Enums']["discount_kind"],"line_id": string | null,"order_id": string,"reason": string,"removed_at": string | null,"removed_by": string | null,"restaurant_id": string,"value": number
                  }
                  ComputedFields: never
                  Insert: {
                    "amount"?: number,"created_at"?: string,"created_by"?: string | null,"id": string,"kind": Database["public"]['Enums']["discount_kind"],"line_id"?: string | null,"order_id": string,"reason": string,"removed_at"?: string | null,"removed_by"?: string | null,"restaurant_id": string,"value": number
                  }
                  Update: {
                    "amount"?: number,"created_at"?: string,"created_by"?: string | null,"id"?: string,"kind"?: Database["public"]['Enums']["discount_kind"],"line_id"?: string | null,"order_id"?: string,"reason"?: string,"removed_at"?: string | null,"removed_by"?: string | null,"restaurant_id"?: string,"value"?: number
                  }
                  Relationships: [
                    {
      foreignKeyName: "order_discounts_line_id_fkey"
      columns: ["line_id"]
isOneToOne: false
      referencedRelation: "order_lines"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "order_discounts_restaurant_id_order_id_fkey"
      columns: ["restaurant_id","order_id"]
isOneToOne: false
      referencedRelation: "orders"
      referencedColumns: ["restaurant_id","id"]
    }
                  ]
                },"order_events": {
                  Row: {
                    "actor_id": string | null,"actor_role": string,"at": string,"from_status": string | null,"id": number,"line_id": string | null,"order_id": string,"reason": string | null,"restaurant_id": string,"to_status": string
                  }
                  ComputedFields: never
                  Insert: {
                    "actor_id"?: string | null,"actor_role": string,"at"?: string,"from_status"?: string | null,"id"?: never,"line_id"?: string | null,"order_id": string,"reason"?: string | null,"restaurant_id": string,"to_status": string
                  }
                  Update: {
                    "actor_id"?: string | null,"actor_role"?: string,"at"?: string,"from_status"?: string | null,"id"?: never,"line_id"?: string | null,"order_id"?: string,"reason"?: string | null,"restaurant_id"?: string,"to_status"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "order_events_restaurant_id_order_id_fkey"
      columns: ["restaurant_id","order_id"]
isOneToOne: false
      referencedRelation: "orders"
      referencedColumns: ["restaurant_id","id"]
    }
                  ]
                },"order_lines": {
                  Row: {
                    "category_id": string | null,"category_name": string | null,"id": string,"item_id": string | null,"kitchen_status": Database["public"]['Enums']["line_status"],"line_total": number,"modifiers": NonNullable<Json>,"name": string,"note": string,"order_id": string,"ordered_at": string,"position": number,"qty": number,"restaurant_id": string,"round": number,"station": string,"unit_price": number,"updated_at": string,"version": number
                  }
                  ComputedFields: never
                  Insert: {
                    "category_id"?: string | null,"category_name"?: string | null,"id"?: string,"item_id"?: string | null,"kitchen_status": Database["public"]['Enums']["line_status"],"line_total": number,"modifiers"?: NonNullable<Json>,"name": string,"note"?: string,"order_id": string,"ordered_at"?: string,"position": number,"qty": number,"restaurant_id": string,"round"?: number,"station": string,"unit_price": number,"updated_at"?: string,"version"?: number
                  }
                  Update: {
                    "category_id"?: string | null,"category_name"?: string | null,"id"?: string,"item_id"?: string | null,"kitchen_status"?: Database["public"]['Enums']["line_status"],"line_total"?: number,"modifiers"?: NonNullable<Json>,"name"?: string,"note"?: string,"order_id"?: string,"ordered_at"?: string,"position"?: number,"qty"?: number,"restaurant_id"?: string,"round"?: number,"station"?: string,"unit_price"?: number,"updated_at"?: string,"version"?: number
                  }
                  Relationships: [
                    {
      foreignKeyName: "order_lines_restaurant_id_item_id_fkey"
      columns: ["restaurant_id","item_id"]
isOneToOne: false
      referencedRelation: "menu_items"
      referencedColumns: ["restaurant_id","id"]
    },{
      foreignKeyName: "order_lines_restaurant_id_order_id_fkey"
      columns: ["restaurant_id","order_id"]
isOneToOne: false
      referencedRelation: "orders"
      referencedColumns: ["restaurant_id","id"]
    }
                  ]
                },"order_rounds": {
                  Row: {
                    "created_at": string,"created_by": string | null,"id": string,"order_id": string,"ordered_at": string,"payload_hash": string,"restaurant_id": string,"round": number
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"created_by"?: string | null,"id": string,"order_id": string,"ordered_at": string,"payload_hash": string,"restaurant_id": string,"round": number
                  }
                  Update: {
                    "created_at"?: string,"created_by"?: string | null,"id"?: string,"order_id"?: string,"ordered_at"?: string,"payload_hash"?: string,"restaurant_id"?: string,"round"?: number
                  }
                  Relationships: [
                    {
      foreignKeyName: "order_rounds_restaurant_id_order_id_fkey"
      columns: ["restaurant_id","order_id"]
isOneToOne: false
      referencedRelation: "orders"
      referencedColumns: ["restaurant_id","id"]
    }
                  ]
                },"orders": {
                  Row: {
                    "business_date": string | null,"cancelled_at": string | null,"completed_at": string | null,"created_at": string,"created_by": string | null,"currency": string,"currency_exponent": number,"discount": number,"guest_user_id": string | null,"id": string,"kiosk_id": string | null,"menu_version": number | null,"note": string,"number": number | null,"ordered_at": string,"paid": number,"payload_hash": string,"payment_status": Database["public"]['Enums']["payment_status"],"placed_at": string | null,"price_override": boolean,"provisional_code": string | null,"refunded": number,"restaurant_id": string,"source": Database["public"]['Enums']["order_source"],"status": Database["public"]['Enums']["order_status"],"status_reason": string | null,"subtotal": number,"table_id": string | null,"tax": number,"tax_mode": Database["public"]['Enums']["tax_mode"],"tax_rate_bp": number,"total": number,"type": Database["public"]['Enums']["order_type"],"updated_at": string,"version": number
                  }
                  ComputedFields: never
                  Insert: {
                    "business_date"?: string | null,"cancelled_at"?: string | null,"completed_at"?: string | null,"created_at"?: string,"created_by"?: string | null,"currency": string,"currency_exponent": number,"discount"?: number,"guest_user_id"?: string | null,"id": string,"kiosk_id"?: string | null,"menu_version"?: number | null,"note"?: string,"number"?: number | null,"ordered_at"?: string,"paid"?: number,"payload_hash": string,"payment_status"?: Database["public"]['Enums']["payment_status"],"placed_at"?: string | null,"price_override"?: boolean,"provisional_code"?: string | null,"refunded"?: number,"restaurant_id": string,"source": Database["public"]['Enums']["order_source"],"status": Database["public"]['Enums']["order_status"],"status_reason"?: string | null,"subtotal": number,"table_id"?: string | null,"tax": number,"tax_mode": Database["public"]['Enums']["tax_mode"],"tax_rate_bp": number,"total": number,"type": Database["public"]['Enums']["order_type"],"updated_at"?: string,"version"?: number
                  }
                  Update: {
                    "business_date"?: string | null,"cancelled_at"?: string | null,"completed_at"?: string | null,"created_at"?: string,"created_by"?: string | null,"currency"?: string,"currency_exponent"?: number,"discount"?: number,"guest_user_id"?: string | null,"id"?: string,"kiosk_id"?: string | null,"menu_version"?: number | null,"note"?: string,"number"?: number | null,"ordered_at"?: string,"paid"?: number,"payload_hash"?: string,"payment_status"?: Database["public"]['Enums']["payment_status"],"placed_at"?: string | null,"price_override"?: boolean,"provisional_code"?: string | null,"refunded"?: number,"restaurant_id"?: string,"source"?: Database["public"]['Enums']["order_source"],"status"?: Database["public"]['Enums']["order_status"],"status_reason"?: string | null,"subtotal"?: number,"table_id"?: string | null,"tax"?: number,"tax_mode"?: Database["public"]['Enums']["tax_mode"],"tax_rate_bp"?: number,"total"?: number,"type"?: Database["public"]['Enums']["order_type"],"updated_at"?: string,"version"?: number
                  }
                  Relationships: [
                    {
      foreignKeyName: "orders_kiosk_id_fkey"
      columns: ["kiosk_id"]
isOneToOne: false
      referencedRelation: "kiosks"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "orders_restaurant_id_fkey"
      columns: ["restaurant_id"]
isOneToOne: false
      referencedRelation: "restaurants"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "orders_restaurant_id_table_id_fkey"
      columns: ["restaurant_id","table_id"]
isOneToOne: false
      referencedRelation: "dining_tables"
      referencedColumns: ["restaurant_id","id"]
    }
                  ]
                },"payments": {
                  Row: {
                    "amount": number,"change": number | null,"created_at": string,"created_by": string | null,"id": string,"method": Database["public"]['Enums']["payment_method"],"order_id": string,"reason": string | null,"reference": string | null,"refund_of": string | null,"restaurant_id": string,"shift_id": string | null,"tendered": number | null,"tip": number
                  }
                  ComputedFields: never
                  Insert: {
                    "amount": number,"change"?: number | null,"created_at"?: string,"created_by"?: string | null,"id": string,"method": Database["public"]['Enums']["payment_method"],"order_id": string,"reason"?: string | null,"reference"?: string | null,"refund_of"?: string | null,"restaurant_id": string,"shift_id"?: string | null,"tendered"?: number | null,"tip"?: number
                  }
                  Update: {
                    "amount"?: number,"change"?: number | null,"created_at"?: string,"created_by"?: string | null,"id"?: string,"method"?: Database["public"]['Enums']["payment_method"],"order_id"?: string,"reason"?: string | null,"reference"?: string | null,"refund_of"?: string | null,"restaurant_id"?: string,"shift_id"?: string | null,"tendered"?: number | null,"tip"?: number
                  }
                  Relationships: [
                    {
      foreignKeyName: "payments_refund_of_fkey"
      columns: ["refund_of"]
isOneToOne: false
      referencedRelation: "payments"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "payments_restaurant_id_order_id_fkey"
      columns: ["restaurant_id","order_id"]
isOneToOne: false
      referencedRelation: "orders"
      referencedColumns: ["restaurant_id","id"]
    },{
      foreignKeyName: "payments_restaurant_id_shift_id_fkey"
      columns: ["restaurant_id","shift_id"]
isOneToOne: false
      referencedRelation: "shifts"
      referencedColumns: ["restaurant_id","id"]
    }
                  ]
                },"pos_devices": {
                  Row: {
                    "code": string,"created_at": string,"created_by": string | null,"device_id": string,"restaurant_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "code": string,"created_at"?: string,"created_by"?: string | null,"device_id": string,"restaurant_id": string
                  }
                  Update: {
                    "code"?: string,"created_at"?: string,"created_by"?: string | null,"device_id"?: string,"restaurant_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "pos_devices_restaurant_id_fkey"
      columns: ["restaurant_id"]
isOneToOne: false
      referencedRelation: "restaurants"
      referencedColumns: ["id"]
    }
                  ]
                },"print_jobs": {
                  Row: {
                    "attempts": number,"available_at": string,"claimed_by": string | null,"created_at": string,"dedupe_key": string,"document": Database["public"]['Enums']["print_document"],"id": string,"last_error": string | null,"lease_expires_at": string | null,"max_attempts": number,"order_id": string | null,"payload": NonNullable<Json>,"printed_at": string | null,"printer_id": string,"restaurant_id": string,"status": Database["public"]['Enums']["print_job_status"],"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "attempts"?: number,"available_at"?: string,"claimed_by"?: string | null,"created_at"?: string,"dedupe_key": string,"document": Database["public"]['Enums']["print_document"],"id"?: string,"last_error"?: string | null,"lease_expires_at"?: string | null,"max_attempts"?: number,"order_id"?: string | null,"payload": NonNullable<Json>,"printed_at"?: string | null,"printer_id": string,"restaurant_id": string,"status"?: Database["public"]['Enums']["print_job_status"],"updated_at"?: string
                  }
                  Update: {
                    "attempts"?: number,"available_at"?: string,"claimed_by"?: string | null,"created_at"?: string,"dedupe_key"?: string,"document"?: Database["public"]['Enums']["print_document"],"id"?: string,"last_error"?: string | null,"lease_expires_at"?: string | null,"max_attempts"?: number,"order_id"?: string | null,"payload"?: NonNullable<Json>,"printed_at"?: string | null,"printer_id"?: string,"restaurant_id"?: string,"status"?: Database["public"]['Enums']["print_job_status"],"updated_at"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "print_jobs_restaurant_id_order_id_fkey"
      columns: ["restaurant_id","order_id"]
isOneToOne: false
      referencedRelation: "orders"
      referencedColumns: ["restaurant_id","id"]
    },{
      foreignKeyName: "print_jobs_restaurant_id_printer_id_fkey"
      columns: ["restaurant_id","printer_id"]
isOneToOne: false
      referencedRelation: "printers"
      referencedColumns: ["restaurant_id","id"]
    }
                  ]
                },"printers": {
                  Row: {
                    "active": boolean,"chars_per_line": number,"connection": NonNullable<Json>,"created_at": string,"id": string,"kind": Database["public"]['Enums']["printer_kind"],"last_printed_at": string | null,"name": string,"restaurant_id": string,"stations": (string)[],"status": Database["public"]['Enums']["printer_status"],"status_at": string | null,"status_error": string | null,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "active"?: boolean,"chars_per_line"?: number,"connection"?: NonNullable<Json>,"created_at"?: string,"id"?: string,"kind": Database["public"]['Enums']["printer_kind"],"last_printed_at"?: string | null,"name": string,"restaurant_id": string,"stations"?: (string)[],"status"?: Database["public"]['Enums']["printer_status"],"status_at"?: string | null,"status_error"?: string | null,"updated_at"?: string
                  }
                  Update: {
                    "active"?: boolean,"chars_per_line"?: number,"connection"?: NonNullable<Json>,"created_at"?: string,"id"?: string,"kind"?: Database["public"]['Enums']["printer_kind"],"last_printed_at"?: string | null,"name"?: string,"restaurant_id"?: string,"stations"?: (string)[],"status"?: Database["public"]['Enums']["printer_status"],"status_at"?: string | null,"status_error"?: string | null,"updated_at"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "printers_restaurant_id_fkey"
      columns: ["restaurant_id"]
isOneToOne: false
      referencedRelation: "restaurants"
      referencedColumns: ["id"]
    }
                  ]
                },"restaurants": {
                  Row: {
                    "auto_print_receipts": boolean,"board_token": string,"board_token_rotated_at": string,"business_day_cutoff_hour": number,"cashier_discount_limit_bp": number,"country": string,"created_at": string,"currency": string,"guest_lines_per_order": number,"guest_open_drafts_per_table": number,"guest_ordering": Database["public"]['Enums']["guest_ordering_mode"],"guest_orders_per_guest": number,"guest_orders_per_hour": number,"guest_requests_per_guest": number,"id": string,"kds_late_minutes": number,"kds_warn_minutes": number,"locale": string,"menu_version": number,"name": string,"receipt_footer": string,"receipt_header": string,"slug": string,"tax_mode": Database["public"]['Enums']["tax_mode"],"tax_rate_bp": number,"timezone": string,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "auto_print_receipts"?: boolean,"board_token"?: string,"board_token_rotated_at"?: string,"business_day_cutoff_hour"?: number,"cashier_discount_limit_bp"?: number,"country": string,"created_at"?: string,"currency": string,"guest_lines_per_order"?: number,"guest_open_drafts_per_table"?: number,"guest_ordering"?: Database["public"]['Enums']["guest_ordering_mode"],"guest_orders_per_guest"?: number,"guest_orders_per_hour"?: number,"guest_requests_per_guest"?: number,"id"?: string,"kds_late_minutes"?: number,"kds_warn_minutes"?: number,"locale"?: string,"menu_version"?: number,"name": string,"receipt_footer"?: string,"receipt_header"?: string,"slug": string,"tax_mode"?: Database["public"]['Enums']["tax_mode"],"tax_rate_bp"?: number,"timezone": string,"updated_at"?: string
                  }
                  Update: {
                    "auto_print_receipts"?: boolean,"board_token"?: string,"board_token_rotated_at"?: string,"business_day_cutoff_hour"?: number,"cashier_discount_limit_bp"?: number,"country"?: string,"created_at"?: string,"currency"?: string,"guest_lines_per_order"?: number,"guest_open_drafts_per_table"?: number,"guest_ordering"?: Database["public"]['Enums']["guest_ordering_mode"],"guest_orders_per_guest"?: number,"guest_orders_per_hour"?: number,"guest_requests_per_guest"?: number,"id"?: string,"kds_late_minutes"?: number,"kds_warn_minutes"?: number,"locale"?: string,"menu_version"?: number,"name"?: string,"receipt_footer"?: string,"receipt_header"?: string,"slug"?: string,"tax_mode"?: Database["public"]['Enums']["tax_mode"],"tax_rate_bp"?: number,"timezone"?: string,"updated_at"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "restaurants_currency_fkey"
      columns: ["currency"]
isOneToOne: false
      referencedRelation: "currencies"
      referencedColumns: ["code"]
    }
                  ]
                },"service_requests": {
                  Row: {
                    "acknowledged_at": string | null,"acknowledged_by": string | null,"created_at": string,"guest_user_id": string | null,"id": string,"kind": Database["public"]['Enums']["service_request_kind"],"restaurant_id": string,"status": Database["public"]['Enums']["service_request_status"],"table_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "acknowledged_at"?: string | null,"acknowledged_by"?: string | null,"created_at"?: string,"guest_user_id"?: string | null,"id": string,"kind": Database["public"]['Enums']["service_request_kind"],"restaurant_id": string,"status"?: Database["public"]['Enums']["service_request_status"],"table_id": string
                  }
                  Update: {
                    "acknowledged_at"?: string | null,"acknowledged_by"?: string | null,"created_at"?: string,"guest_user_id"?: string | null,"id"?: string,"kind"?: Database["public"]['Enums']["service_request_kind"],"restaurant_id"?: string,"status"?: Database["public"]['Enums']["service_request_status"],"table_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "service_requests_restaurant_id_fkey"
      columns: ["restaurant_id"]
isOneToOne: false
      referencedRelation: "restaurants"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "service_requests_restaurant_id_table_id_fkey"
      columns: ["restaurant_id","table_id"]
isOneToOne: false
      referencedRelation: "dining_tables"
      referencedColumns: ["restaurant_id","id"]
    }
                  ]
                },"shifts": {
                  Row: {
                    "closed_at": string | null,"closed_by": string | null,"counted_cash": number | null,"device_id": string,"expected_cash": number | null,"id": string,"opened_at": string,"opened_by": string | null,"opening_float": number,"restaurant_id": string,"variance": number | null,"variance_note": string | null,"variance_reason": Database["public"]['Enums']["variance_reason"] | null
                  }
                  ComputedFields: never
                  Insert: {
                    "closed_at"?: string | null,"closed_by"?: string | null,"counted_cash"?: number | null,"device_id": string,"expected_cash"?: number | null,"id": string,"opened_at"?: string,"opened_by"?: string | null,"opening_float": number,"restaurant_id": string,"variance"?: number | null,"variance_note"?: string | null,"variance_reason"?: Database["public"]['Enums']["variance_reason"] | null
                  }
                  Update: {
                    "closed_at"?: string | null,"closed_by"?: string | null,"counted_cash"?: number | null,"device_id"?: string,"expected_cash"?: number | null,"id"?: string,"opened_at"?: string,"opened_by"?: string | null,"opening_float"?: number,"restaurant_id"?: string,"variance"?: number | null,"variance_note"?: string | null,"variance_reason"?: Database["public"]['Enums']["variance_reason"] | null
                  }
                  Relationships: [
                    {
      foreignKeyName: "shifts_restaurant_id_fkey"
      columns: ["restaurant_id"]
isOneToOne: false
      referencedRelation: "restaurants"
      referencedColumns: ["id"]
    }
                  ]
                },"stations": {
                  Row: {
                    "active": boolean,"created_at": string,"id": string,"name": string,"position": number,"restaurant_id": string,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "active"?: boolean,"created_at"?: string,"id"?: string,"name": string,"position"?: number,"restaurant_id": string,"updated_at"?: string
                  }
                  Update: {
                    "active"?: boolean,"created_at"?: string,"id"?: string,"name"?: string,"position"?: number,"restaurant_id"?: string,"updated_at"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "stations_restaurant_id_fkey"
      columns: ["restaurant_id"]
isOneToOne: false
      referencedRelation: "restaurants"
      referencedColumns: ["id"]
    }
                  ]
                }
          }
          Views: {
            [_ in never]: never
          }
          Functions: {
            "accept_invite":
{ Args: { "p_code": string }; Returns: {
              "created_at": string,
"display_name": string | null,
"restaurant_id": string,
"role": Database["public"]['Enums']["member_role"],
"user_id": string
            }
                          SetofOptions: {
        from: "*"
        to: "memberships"
        isOneToOne: true
        isSetofReturn: false
      } },
"acknowledge_service_request":
{ Args: { "p_request_id": string }; Returns: {
              "acknowledged_at": string | null,
"acknowledged_by": string | null,
"created_at": string,
"guest_user_id": string | null,
"id": string,
"kind": Database["public"]['Enums']["service_request_kind"],
"restaurant_id": string,
"status": Database["public"]['Enums']["service_request_status"],
"table_id": string
            }
                          SetofOptions: {
        from: "*"
        to: "service_requests"
        isOneToOne: true
        isSetofReturn: false
      } },
"add_order_round":
{ Args: { "p_round": Json }; Returns: Json
                           },
"apply_discount":
{ Args: { "p_discount_id": string,"p_kind": Database["public"]['Enums']["discount_kind"],"p_line_id"?: string,"p_order_id": string,"p_reason": string,"p_value": number }; Returns: Json
                           },
"board_orders":
{ Args: { "p_token": string }; Returns: Json
                           },
"change_member_role":
{ Args: { "p_restaurant_id": string,"p_role": Database["public"]['Enums']["member_role"],"p_user_id": string }; Returns: {
              "created_at": string,
"display_name": string | null,
"restaurant_id": string,
"role": Database["public"]['Enums']["member_role"],
"user_id": string
            }
                          SetofOptions: {
        from: "*"
        to: "memberships"
        isOneToOne: true
        isSetofReturn: false
      } },
"claim_bridge_pairing":
{ Args: { "p_code": string }; Returns: Json
                           },
"claim_device_code":
{ Args: { "p_device_id": string,"p_restaurant_id": string }; Returns: string
                           },
"claim_kiosk_pairing":
{ Args: { "p_code": string }; Returns: Json
                           },
"claim_print_jobs":
{ Args: { "p_lease_seconds"?: number,"p_limit"?: number,"p_restaurant_id": string }; Returns: {
              "attempts": number,
"available_at": string,
"claimed_by": string | null,
"created_at": string,
"dedupe_key": string,
"document": Database["public"]['Enums']["print_document"],
"id": string,
"last_error": string | null,
"lease_expires_at": string | null,
"max_attempts": number,
"order_id": string | null,
"payload": NonNullable<Json>,
"printed_at": string | null,
"printer_id": string,
"restaurant_id": string,
"status": Database["public"]['Enums']["print_job_status"],
"updated_at": string
            }[]
                          SetofOptions: {
        from: "*"
        to: "print_jobs"
        isOneToOne: false
        isSetofReturn: true
      } },
"close_shift":
{ Args: { "p_counted_cash": number,"p_shift_id": string,"p_variance_note"?: string,"p_variance_reason"?: Database["public"]['Enums']["variance_reason"] }; Returns: Json
                           },
"complete_print_job":
{ Args: { "p_job_id": string }; Returns: {
              "attempts": number,
"available_at": string,
"claimed_by": string | null,
"created_at": string,
"dedupe_key": string,
"document": Database["public"]['Enums']["print_document"],
"id": string,
"last_error": string | null,
"lease_expires_at": string | null,
"max_attempts": number,
"order_id": string | null,
"payload": NonNullable<Json>,
"printed_at": string | null,
"printer_id": string,
"restaurant_id": string,
"status": Database["public"]['Enums']["print_job_status"],
"updated_at": string
            }
                          SetofOptions: {
        from: "*"
        to: "print_jobs"
        isOneToOne: true
        isSetofReturn: false
      } },
"create_bridge_pairing":
{ Args: { "p_label"?: string,"p_restaurant_id": string }; Returns: Json
                           },
"create_invite":
{ Args: { "p_restaurant_id": string,"p_role": Database["public"]['Enums']["member_role"],"p_valid_hours"?: number }; Returns: {
              "accepted_at": string | null,
"accepted_by": string | null,
"code": string,
"created_at": string,
"created_by": string | null,
"expires_at": string,
"id": string,
"restaurant_id": string,
"revoked_at": string | null,
"role": Database["public"]['Enums']["member_role"]
            }
                          SetofOptions: {
        from: "*"
        to: "invites"
        isOneToOne: true
        isSetofReturn: false
      } },
"create_kiosk_pairing":
{ Args: { "p_label"?: string,"p_restaurant_id": string }; Returns: Json
                           },
"create_restaurant":
{ Args: { "p_country": string,"p_currency": string,"p_locale"?: string,"p_name": string,"p_slug": string,"p_tax_mode"?: Database["public"]['Enums']["tax_mode"],"p_tax_rate_bp"?: number,"p_timezone": string }; Returns: {
              "auto_print_receipts": boolean,
"board_token": string,
"board_token_rotated_at": string,
"business_day_cutoff_hour": number,
"cashier_discount_limit_bp": number,
"country": string,
"created_at": string,
"currency": string,
"guest_lines_per_order": number,
"guest_open_drafts_per_table": number,
"guest_ordering": Database["public"]['Enums']["guest_ordering_mode"],
"guest_orders_per_guest": number,
"guest_orders_per_hour": number,
"guest_requests_per_guest": number,
"id": string,
"kds_late_minutes": number,
"kds_warn_minutes": number,
"locale": string,
"menu_version": number,
"name": string,
"receipt_footer": string,
"receipt_header": string,
"slug": string,
"tax_mode": Database["public"]['Enums']["tax_mode"],
"tax_rate_bp": number,
"timezone": string,
"updated_at": string
            }
                          SetofOptions: {
        from: "*"
        to: "restaurants"
        isOneToOne: true
        isSetofReturn: false
      } },
"day_report":
{ Args: { "p_business_date"?: string,"p_restaurant_id": string }; Returns: Json
                           },
"fail_print_job":
{ Args: { "p_error": string,"p_job_id": string }; Returns: {
              "attempts": number,
"available_at": string,
"claimed_by": string | null,
"created_at": string,
"dedupe_key": string,
"document": Database["public"]['Enums']["print_document"],
"id": string,
"last_error": string | null,
"lease_expires_at": string | null,
"max_attempts": number,
"order_id": string | null,
"payload": NonNullable<Json>,
"printed_at": string | null,
"printer_id": string,
"restaurant_id": string,
"status": Database["public"]['Enums']["print_job_status"],
"updated_at": string
            }
                          SetofOptions: {
        from: "*"
        to: "print_jobs"
        isOneToOne: true
        isSetofReturn: false
      } },
"get_menu":
{ Args: { "p_restaurant_id": string,"p_since_version"?: number }; Returns: Json
                           },
"guest_cancel_order":
{ Args: { "p_order_id": string }; Returns: Json
                           },
"guest_menu":
{ Args: { "p_locale"?: string,"p_qr_token": string }; Returns: Json
                           },
"guest_order":
{ Args: { "p_order_id": string }; Returns: Json
                           },
"guest_place_order":
{ Args: { "p_order": Json,"p_qr_token": string }; Returns: Json
                           },
"guest_request_service":
{ Args: { "p_qr_token": string,"p_request": Json }; Returns: Json
                           },
"guest_visit":
{ Args: { "p_qr_token": string }; Returns: Json
                           },
"kiosk_exit":
{ Args: { "p_pin": string }; Returns: Json
                           },
"kiosk_menu":
{ Args: { "p_locale"?: string }; Returns: Json
                           },
"kiosk_order":
{ Args: { "p_order_id": string }; Returns: Json
                           },
"kiosk_place_order":
{ Args: { "p_order": Json }; Returns: Json
                           },
"open_shift":
{ Args: { "p_device_id": string,"p_opening_float": number,"p_restaurant_id": string,"p_shift_id": string }; Returns: {
              "closed_at": string | null,
"closed_by": string | null,
"counted_cash": number | null,
"device_id": string,
"expected_cash": number | null,
"id": string,
"opened_at": string,
"opened_by": string | null,
"opening_float": number,
"restaurant_id": string,
"variance": number | null,
"variance_note": string | null,
"variance_reason": Database["public"]['Enums']["variance_reason"] | null
            }
                          SetofOptions: {
        from: "*"
        to: "shifts"
        isOneToOne: true
        isSetofReturn: false
      } },
"place_order":
{ Args: { "p_order": Json }; Returns: Json
                           },
"print_test_page":
{ Args: { "p_printer_id": string }; Returns: {
              "attempts": number,
"available_at": string,
"claimed_by": string | null,
"created_at": string,
"dedupe_key": string,
"document": Database["public"]['Enums']["print_document"],
"id": string,
"last_error": string | null,
"lease_expires_at": string | null,
"max_attempts": number,
"order_id": string | null,
"payload": NonNullable<Json>,
"printed_at": string | null,
"printer_id": string,
"restaurant_id": string,
"status": Database["public"]['Enums']["print_job_status"],
"updated_at": string
            }
                          SetofOptions: {
        from: "*"
        to: "print_jobs"
        isOneToOne: true
        isSetofReturn: false
      } },
"record_cash_movement":
{ Args: { "p_amount": number,"p_kind": Database["public"]['Enums']["cash_movement_kind"],"p_movement_id": string,"p_reason": string,"p_shift_id": string }; Returns: {
              "amount": number,
"created_at": string,
"created_by": string | null,
"id": string,
"kind": Database["public"]['Enums']["cash_movement_kind"],
"reason": string,
"restaurant_id": string,
"shift_id": string
            }
                          SetofOptions: {
        from: "*"
        to: "cash_movements"
        isOneToOne: true
        isSetofReturn: false
      } },
"record_payment":
{ Args: { "p_amount": number,"p_method": Database["public"]['Enums']["payment_method"],"p_order_id": string,"p_payment_id": string,"p_reference"?: string,"p_shift_id"?: string,"p_tendered"?: number,"p_tip"?: number }; Returns: {
              "amount": number,
"change": number | null,
"created_at": string,
"created_by": string | null,
"id": string,
"method": Database["public"]['Enums']["payment_method"],
"order_id": string,
"reason": string | null,
"reference": string | null,
"refund_of": string | null,
"restaurant_id": string,
"shift_id": string | null,
"tendered": number | null,
"tip": number
            }
                          SetofOptions: {
        from: "*"
        to: "payments"
        isOneToOne: true
        isSetofReturn: false
      } },
"refund_payment":
{ Args: { "p_amount": number,"p_payment_id": string,"p_reason": string,"p_refund_id": string,"p_shift_id"?: string }; Returns: {
              "amount": number,
"change": number | null,
"created_at": string,
"created_by": string | null,
"id": string,
"method": Database["public"]['Enums']["payment_method"],
"order_id": string,
"reason": string | null,
"reference": string | null,
"refund_of": string | null,
"restaurant_id": string,
"shift_id": string | null,
"tendered": number | null,
"tip": number
            }
                          SetofOptions: {
        from: "*"
        to: "payments"
        isOneToOne: true
        isSetofReturn: false
      } },
"remove_discount":
{ Args: { "p_discount_id": string }; Returns: Json
                           },
"remove_member":
{ Args: { "p_restaurant_id": string,"p_user_id": string }; Returns: undefined
                           },
"report_printer_status":
{ Args: { "p_error"?: string,"p_printer_id": string,"p_status": Database["public"]['Enums']["printer_status"] }; Returns: undefined
                           },
"reprint_order":
{ Args: { "p_document": Database["public"]['Enums']["print_document"],"p_order_id": string,"p_printer_id"?: string }; Returns: {
              "attempts": number,
"available_at": string,
"claimed_by": string | null,
"created_at": string,
"dedupe_key": string,
"document": Database["public"]['Enums']["print_document"],
"id": string,
"last_error": string | null,
"lease_expires_at": string | null,
"max_attempts": number,
"order_id": string | null,
"payload": NonNullable<Json>,
"printed_at": string | null,
"printer_id": string,
"restaurant_id": string,
"status": Database["public"]['Enums']["print_job_status"],
"updated_at": string
            }[]
                          SetofOptions: {
        from: "*"
        to: "print_jobs"
        isOneToOne: false
        isSetofReturn: true
      } },
"retry_print_job":
{ Args: { "p_job_id": string }; Returns: {
              "attempts": number,
"available_at": string,
"claimed_by": string | null,
"created_at": string,
"dedupe_key": string,
"document": Database["public"]['Enums']["print_document"],
"id": string,
"last_error": string | null,
"lease_expires_at": string | null,
"max_attempts": number,
"order_id": string | null,
"payload": NonNullable<Json>,
"printed_at": string | null,
"printer_id": string,
"restaurant_id": string,
"status": Database["public"]['Enums']["print_job_status"],
"updated_at": string
            }
                          SetofOptions: {
        from: "*"
        to: "print_jobs"
        isOneToOne: true
        isSetofReturn: false
      } },
"revoke_bridge_pairing":
{ Args: { "p_pairing_id": string }; Returns: undefined
                           },
"revoke_invite":
{ Args: { "p_invite_id": string }; Returns: {
              "accepted_at": string | null,
"accepted_by": string | null,
"code": string,
"created_at": string,
"created_by": string | null,
"expires_at": string,
"id": string,
"restaurant_id": string,
"revoked_at": string | null,
"role": Database["public"]['Enums']["member_role"]
            }
                          SetofOptions: {
        from: "*"
        to: "invites"
        isOneToOne: true
        isSetofReturn: false
      } },
"revoke_kiosk":
{ Args: { "p_kiosk_id": string }; Returns: Json
                           },
"rotate_board_token":
{ Args: { "p_restaurant_id": string }; Returns: {
              "auto_print_receipts": boolean,
"board_token": string,
"board_token_rotated_at": string,
"business_day_cutoff_hour": number,
"cashier_discount_limit_bp": number,
"country": string,
"created_at": string,
"currency": string,
"guest_lines_per_order": number,
"guest_open_drafts_per_table": number,
"guest_ordering": Database["public"]['Enums']["guest_ordering_mode"],
"guest_orders_per_guest": number,
"guest_orders_per_hour": number,
"guest_requests_per_guest": number,
"id": string,
"kds_late_minutes": number,
"kds_warn_minutes": number,
"locale": string,
"menu_version": number,
"name": string,
"receipt_footer": string,
"receipt_header": string,
"slug": string,
"tax_mode": Database["public"]['Enums']["tax_mode"],
"tax_rate_bp": number,
"timezone": string,
"updated_at": string
            }
                          SetofOptions: {
        from: "*"
        to: "restaurants"
        isOneToOne: true
        isSetofReturn: false
      } },
"rotate_table_token":
{ Args: { "p_table_id": string }; Returns: {
              "active": boolean,
"created_at": string,
"id": string,
"label": string,
"position": number,
"qr_rotated_at": string,
"qr_token": string,
"restaurant_id": string,
"seats": number
            }
                          SetofOptions: {
        from: "*"
        to: "dining_tables"
        isOneToOne: true
        isSetofReturn: false
      } },
"set_item_availability":
{ Args: { "p_available": boolean,"p_item_id": string }; Returns: {
              "available": boolean,
"category_id": string | null,
"created_at": string,
"description": string,
"id": string,
"image_path": string | null,
"name": string,
"position": number,
"price": number,
"restaurant_id": string,
"station": string,
"updated_at": string,
"version": number
            }
                          SetofOptions: {
        from: "*"
        to: "menu_items"
        isOneToOne: true
        isSetofReturn: false
      } },
"set_kiosk_exit_pin":
{ Args: { "p_pin": string,"p_restaurant_id": string }; Returns: undefined
                           },
"set_line_status":
{ Args: { "p_expected_version": number,"p_line_id": string,"p_status": Database["public"]['Enums']["line_status"] }; Returns: {
              "category_id": string | null,
"category_name": string | null,
"id": string,
"item_id": string | null,
"kitchen_status": Database["public"]['Enums']["line_status"],
"line_total": number,
"modifiers": NonNullable<Json>,
"name": string,
"note": string,
"order_id": string,
"ordered_at": string,
"position": number,
"qty": number,
"restaurant_id": string,
"round": number,
"station": string,
"unit_price": number,
"updated_at": string,
"version": number
            }
                          SetofOptions: {
        from: "*"
        to: "order_lines"
        isOneToOne: true
        isSetofReturn: false
      } },
"set_my_display_name":
{ Args: { "p_display_name": string,"p_restaurant_id": string }; Returns: {
              "created_at": string,
"display_name": string | null,
"restaurant_id": string,
"role": Database["public"]['Enums']["member_role"],
"user_id": string
            }
                          SetofOptions: {
        from: "*"
        to: "memberships"
        isOneToOne: true
        isSetofReturn: false
      } },
"shift_report":
{ Args: { "p_shift_id": string }; Returns: Json
                           },
"transition_order":
{ Args: { "p_expected_version": number,"p_order_id": string,"p_reason"?: string,"p_to": Database["public"]['Enums']["order_status"] }; Returns: Json
                           },
"update_kiosk":
{ Args: { "p_kiosk_id": string,"p_settings": Json }; Returns: Json
                           }
          }
          Enums: {
            "cash_movement_kind": "cash_in"|"cash_out","discount_kind": "percent"|"amount","guest_ordering_mode": "off"|"draft_first"|"auto_accept","kiosk_mode": "direct"|"pay_at_counter","line_status": "pending"|"queued"|"preparing"|"ready"|"served"|"cancelled","member_role": "owner"|"manager"|"cashier"|"kitchen"|"waiter"|"print_bridge"|"kiosk","order_source": "pos"|"qr"|"kiosk","order_status": "draft"|"placed"|"preparing"|"ready"|"completed"|"rejected"|"cancelled","order_type": "dine_in"|"takeaway","payment_method": "cash"|"card"|"mobile_money"|"other","payment_status": "unpaid"|"partially_paid"|"paid"|"refunded","print_document": "kitchen_ticket"|"cancel_ticket"|"receipt"|"test"|"drawer_kick","print_job_status": "queued"|"printing"|"printed"|"failed","printer_kind": "receipt"|"kitchen","printer_status": "unknown"|"ok"|"paper_low"|"paper_out"|"cover_open"|"offline"|"error","service_request_kind": "call_waiter"|"bill","service_request_status": "open"|"acknowledged","tax_mode": "inclusive"|"exclusive","variance_reason": "count_error"|"change_error"|"unrecorded_sale"|"unrecorded_expense"|"theft"|"other"
          }
          CompositeTypes: {
            [_ in never]: never
          }
        }
}

type DatabaseWithoutInternals = Omit<Database, '__InternalSupabase'>

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, "public">]

export type Tables<
  DefaultSchemaTableNameOrOptions extends
    | keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
        DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])
    : never = never
> = DefaultSchemaTableNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
      DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])[TableName] extends {
      Row: infer R
    }
    ? R
    : never
  : DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
  ? (DefaultSchema["Tables"] & DefaultSchema["Views"])[DefaultSchemaTableNameOrOptions] extends {
      Row: infer R
    }
    ? R
    : never
  : never

export type TablesInsert<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never = never
> = DefaultSchemaTableNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Insert: infer I
    }
    ? I
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
  ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
      Insert: infer I
    }
    ? I
    : never
  : never

export type TablesUpdate<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never = never
> = DefaultSchemaTableNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Update: infer U
    }
    ? U
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
  ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
      Update: infer U
    }
    ? U
    : never
  : never

export type Enums<
  DefaultSchemaEnumNameOrOptions extends
    | keyof DefaultSchema["Enums"]
    | { schema: keyof DatabaseWithoutInternals },
  EnumName extends DefaultSchemaEnumNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"]
    : never = never
> = DefaultSchemaEnumNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"][EnumName]
  : DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"]
  ? DefaultSchema["Enums"][DefaultSchemaEnumNameOrOptions]
  : never

export type CompositeTypes<
  PublicCompositeTypeNameOrOptions extends
    | keyof DefaultSchema["CompositeTypes"]
    | { schema: keyof DatabaseWithoutInternals },
  CompositeTypeName extends PublicCompositeTypeNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"]
    : never = never
> = PublicCompositeTypeNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"][CompositeTypeName]
  : PublicCompositeTypeNameOrOptions extends keyof DefaultSchema["CompositeTypes"]
  ? DefaultSchema["CompositeTypes"][PublicCompositeTypeNameOrOptions]
  : never

export const Constants = {
  "public": {
          Enums: {
            "cash_movement_kind": ["cash_in", "cash_out"],"discount_kind": ["percent", "amount"],"guest_ordering_mode": ["off", "draft_first", "auto_accept"],"kiosk_mode": ["direct", "pay_at_counter"],"line_status": ["pending", "queued", "preparing", "ready", "served", "cancelled"],"member_role": ["owner", "manager", "cashier", "kitchen", "waiter", "print_bridge", "kiosk"],"order_source": ["pos", "qr", "kiosk"],"order_status": ["draft", "placed", "preparing", "ready", "completed", "rejected", "cancelled"],"order_type": ["dine_in", "takeaway"],"payment_method": ["cash", "card", "mobile_money", "other"],"payment_status": ["unpaid", "partially_paid", "paid", "refunded"],"print_document": ["kitchen_ticket", "cancel_ticket", "receipt", "test", "drawer_kick"],"print_job_status": ["queued", "printing", "printed", "failed"],"printer_kind": ["receipt", "kitchen"],"printer_status": ["unknown", "ok", "paper_low", "paper_out", "cover_open", "offline", "error"],"service_request_kind": ["call_waiter", "bill"],"service_request_status": ["open", "acknowledged"],"tax_mode": ["inclusive", "exclusive"],"variance_reason": ["count_error", "change_error", "unrecorded_sale", "unrecorded_expense", "theft", "other"]
          }
        }
} as const
